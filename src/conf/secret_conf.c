/*
 * secret_conf.c: parsing and formatting the <secret> document.
 *
 * A secret carries a UUID (generated when absent), two yes/no flags, an
 * optional description and at most one <usage> naming what the secret is
 * for; the value itself never appears in this document.
 */
#include "secret_conf.h"
#include "conf_xmlprop.h"
#include "util/viruuid.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_SECRET

VIR_ENUM_IMPL(virSecretUsage, VIR_SECRET_USAGE_TYPE_LAST,
              "none", "volume", "ceph", "iscsi", "tls", "vtpm");

void
virSecretDefFree(virSecretDef *def)
{
    if (!def)
        return;
    g_free(def->description);
    g_free(def->usage_id);
    g_free(def);
}

/* Each usage type names its object in its own child element. */
static const char *
virSecretUsageElement(int type)
{
    switch (type) {
    case VIR_SECRET_USAGE_TYPE_VOLUME:
        return "volume";
    case VIR_SECRET_USAGE_TYPE_ISCSI:
        return "target";
    case VIR_SECRET_USAGE_TYPE_CEPH:
    case VIR_SECRET_USAGE_TYPE_TLS:
    case VIR_SECRET_USAGE_TYPE_VTPM:
        return "name";
    }
    return NULL;
}

static int
virSecretDefParseUsage(xmlNodePtr node, virSecretDef *def)
{
    g_autofree char *typestr = virXMLPropString(node, "type");
    const char *child;
    int type;

    if (!typestr) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "unknown secret usage type");
        return -1;
    }
    if ((type = virSecretUsageTypeFromString(typestr)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "unknown secret usage type %s", typestr);
        return -1;
    }
    def->usage_type = type;

    if (!(child = virSecretUsageElement(type)))
        return 0;
    if (!(def->usage_id = virConfXMLChildNonEmpty(node, child))) {
        static const char *const missing[] = {
            [VIR_SECRET_USAGE_TYPE_VOLUME] =
                "volume usage specified, but volume path is missing",
            [VIR_SECRET_USAGE_TYPE_CEPH] =
                "Ceph usage specified, but name is missing",
            [VIR_SECRET_USAGE_TYPE_ISCSI] =
                "iSCSI usage specified, but target is missing",
            [VIR_SECRET_USAGE_TYPE_TLS] =
                "TLS usage specified, but name is missing",
            [VIR_SECRET_USAGE_TYPE_VTPM] =
                "vTPM usage specified, but name is missing",
        };
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", missing[type]);
        return -1;
    }
    return 0;
}

/* yes/no flag on the root element; anything else is an XML error. */
static int
virSecretParseYesNo(xmlNodePtr root, const char *name, bool *result)
{
    g_autofree char *str = virXMLPropString(root, name);

    /* an empty value counts as absent, as upstream reads it */
    if (!str || !*str)
        return 0;
    if (STREQ(str, "yes")) {
        *result = true;
    } else if (STREQ(str, "no")) {
        *result = false;
    } else {
        virReportError(VIR_ERR_XML_ERROR, "invalid value of '%s'", name);
        return -1;
    }
    return 0;
}

static virSecretDef *
virSecretDefParseNode(xmlNodePtr root, unsigned int flags)
{
    g_autoptr(virSecretDef) def = g_new0(virSecretDef, 1);
    g_autofree char *uuidstr = NULL;
    xmlNodePtr usage;

    if (virSecretParseYesNo(root, "ephemeral", &def->isephemeral) < 0 ||
        virSecretParseYesNo(root, "private", &def->isprivate) < 0)
        return NULL;

    if (!(uuidstr = virConfXMLChildNonEmpty(root, "uuid"))) {
        virUUIDGenerate(def->uuid);
    } else if (virUUIDParse(uuidstr, def->uuid) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "malformed uuid element");
        return NULL;
    }

    def->description = virConfXMLChildNonEmpty(root, "description");

    if ((usage = virXMLChild(root, "usage")) &&
        virSecretDefParseUsage(usage, def) < 0)
        return NULL;

    if ((flags & VIR_SECRET_DEFINE_VALIDATE) &&
        virXMLCheckConsumed(VIR_FROM_THIS, root) < 0)
        return NULL;

    return g_steal_pointer(&def);
}

virSecretDef *
virSecretDefParseString(const char *xml, unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;

    if (!(doc = virXMLParseStringCtxt(VIR_FROM_THIS, xml,
                                      "(definition_of_secret)", "secret")))
        return NULL;
    return virSecretDefParseNode(xmlDocGetRootElement(doc), flags);
}

char *
virSecretDefFormat(const virSecretDef *def)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    const char *child = virSecretUsageElement(def->usage_type);

    virBufferAsprintf(&buf, "<secret ephemeral='%s' private='%s'>\n",
                      def->isephemeral ? "yes" : "no",
                      def->isprivate ? "yes" : "no");
    virBufferAdjustIndent(&buf, 2);
    virBufferAsprintf(&buf, "<uuid>%s</uuid>\n",
                      virUUIDFormat(def->uuid, uuidstr));
    virBufferEscapeString(&buf, "<description>%s</description>\n",
                          def->description);
    if (def->usage_type != VIR_SECRET_USAGE_TYPE_NONE) {
        /* upstream writes the element open even when it has no child */
        virBufferAsprintf(&buf, "<usage type='%s'>\n",
                          virSecretUsageTypeToString(def->usage_type));
        virBufferAdjustIndent(&buf, 2);
        if (child && def->usage_id) {
            virBufferAsprintf(&buf, "<%s>", child);
            virBufferEscapeString(&buf, "%s", def->usage_id);
            virBufferAsprintf(&buf, "</%s>\n", child);
        }
        virBufferAdjustIndent(&buf, -2);
        virBufferAddLit(&buf, "</usage>\n");
    }
    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</secret>\n");
    return virBufferContentAndReset(&buf);
}
