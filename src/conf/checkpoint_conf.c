/*
 * checkpoint_conf.c: parsing and formatting <domaincheckpoint>.
 *
 * A new checkpoint gets its creation time (and, lacking a name, a name
 * made of it) here; a redefined one carries both, plus its parent and
 * the domain definition it was taken from.
 */
#include "checkpoint_conf.h"
#include "util/virerror.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN_CHECKPOINT

VIR_ENUM_IMPL(virDomainCheckpoint,
              VIR_DOMAIN_CHECKPOINT_TYPE_LAST,
              "default", "no", "bitmap");

void
virDomainCheckpointDefFree(virDomainCheckpointDef *def)
{
    size_t i;

    if (!def)
        return;
    g_free(def->name);
    g_free(def->description);
    g_free(def->parent_name);
    for (i = 0; i < def->ndisks; i++) {
        g_free(def->disks[i].name);
        g_free(def->disks[i].bitmap);
    }
    g_free(def->disks);
    virDomainDefFree(def->dom);
    g_free(def);
}

static int
virDomainCheckpointDiskDefParseXML(xmlNodePtr node,
                                   virDomainCheckpointDiskDef *disk)
{
    if (!(disk->name = virXMLPropStringRequired(node, "name")))
        return -1;
    /* Without the attribute a disk takes part through a bitmap. */
    if (virXMLPropEnumDefault(node, "checkpoint",
                              virDomainCheckpointTypeFromString,
                              VIR_XML_PROP_NONZERO, (int *)&disk->type,
                              VIR_DOMAIN_CHECKPOINT_TYPE_BITMAP) < 0)
        return -1;
    disk->bitmap = virXMLPropString(node, "bitmap");
    /* size is output only (and only on request): accepted, not kept */
    g_free(virXMLPropString(node, "size"));
    return 0;
}

/* Reads a signed number from the text of child name; 0 absent, -1 bad. */
static int
virDomainCheckpointParseTime(xmlNodePtr root, long long *value)
{
    g_autofree char *str = virXMLChildContent(root, "creationTime");

    if (!str)
        return 0;
    if (virStrToLong_ll(str, NULL, 10, value) < 0)
        return -1;
    return 1;
}

/* Marks the elements only a redefinition reads as consumed. */
static void
virDomainMomentIgnore(xmlNodePtr root)
{
    static const char *const names[] = {"creationTime", "parent", "domain"};
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(names); i++) {
        g_autofree xmlNodePtr *nodes = NULL;
        size_t n = virXMLChildren(root, names[i], &nodes);
        size_t j;

        for (j = 0; j < n; j++)
            virXMLNodeMarkSubtree(nodes[j]);
    }
}

virDomainCheckpointDef *
virDomainCheckpointDefParseString(const char *xml,
                                  const virDomainXMLOption *xmlopt,
                                  unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(virDomainCheckpointDef) def = g_new0(virDomainCheckpointDef, 1);
    xmlNodePtr root;
    xmlNodePtr node;
    bool redefine = !!(flags & VIR_DOMAIN_CHECKPOINT_PARSE_REDEFINE);

    if (!(doc = virXMLParseStringCtxt(VIR_FROM_THIS, xml,
                                      "(domain_checkpoint)",
                                      "domaincheckpoint")))
        return NULL;
    root = xmlDocGetRootElement(doc);
    virXMLNodeMarkConsumed(root);

    def->name = virXMLChildContent(root, "name");
    if (!def->name && redefine) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "a redefined checkpoint must have a name");
        return NULL;
    }
    def->description = virXMLChildContent(root, "description");

    if (redefine) {
        if (virDomainCheckpointParseTime(root, &def->creationTime) <= 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "missing creationTime from existing checkpoint");
            return NULL;
        }
        if ((node = virXMLChild(root, "parent")))
            def->parent_name = virXMLChildContent(node, "name");
        if ((node = virXMLChild(root, "domain"))) {
            unsigned int domflags = VIR_DOMAIN_DEF_PARSE_INACTIVE;

            if (flags & VIR_DOMAIN_CHECKPOINT_PARSE_VALIDATE)
                domflags |= VIR_DOMAIN_DEF_PARSE_VALIDATE;
            if (!(def->dom = virDomainDefParseNode(node, xmlopt, domflags)))
                return NULL;
        }
    } else {
        def->creationTime = g_get_real_time() / (1000 * 1000);
        if (!def->name)
            def->name = g_strdup_printf("%lld", def->creationTime);
        /* what only a redefinition carries is ignored here, as upstream */
        virDomainMomentIgnore(root);
    }

    if ((node = virXMLChild(root, "disks"))) {
        xmlNodePtr cur;
        size_t n = 0;

        virXMLNodeMarkConsumed(node);
        for (cur = virXMLFirstElement(node); cur; cur = virXMLNextElement(cur))
            n++;
        def->disks = g_new0(virDomainCheckpointDiskDef, n);
        for (cur = virXMLFirstElement(node); cur; cur = virXMLNextElement(cur)) {
            virXMLNodeMarkConsumed(cur);
            if (virDomainCheckpointDiskDefParseXML(cur,
                                                   &def->disks[def->ndisks++]) < 0)
                return NULL;
        }
    }

    if ((flags & VIR_DOMAIN_CHECKPOINT_PARSE_VALIDATE) &&
        virXMLCheckConsumed(VIR_FROM_THIS, root) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

static void
virDomainCheckpointDiskDefFormat(virBuffer *buf,
                                 const virDomainCheckpointDiskDef *disk)
{
    if (!disk->name)
        return;
    virBufferEscapeString(buf, "<disk name='%s'", disk->name);
    if (disk->type)
        virBufferAsprintf(buf, " checkpoint='%s'",
                          virDomainCheckpointTypeToString(disk->type));
    virBufferEscapeString(buf, " bitmap='%s'", disk->bitmap);
    virBufferAddLit(buf, "/>\n");
}

char *
virDomainCheckpointDefFormat(const virDomainCheckpointDef *def,
                             unsigned int flags)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    unsigned int domflags = VIR_DOMAIN_DEF_FORMAT_INACTIVE;
    size_t i;

    if (flags & VIR_DOMAIN_CHECKPOINT_FORMAT_SECURE)
        domflags |= VIR_DOMAIN_DEF_FORMAT_SECURE;

    virBufferAddLit(&buf, "<domaincheckpoint>\n");
    virBufferAdjustIndent(&buf, 2);
    virBufferEscapeString(&buf, "<name>%s</name>\n", def->name);
    virBufferEscapeString(&buf, "<description>%s</description>\n",
                          def->description);
    if (def->parent_name) {
        virBufferAddLit(&buf, "<parent>\n");
        virBufferEscapeString(&buf, "  <name>%s</name>\n", def->parent_name);
        virBufferAddLit(&buf, "</parent>\n");
    }
    if (def->creationTime)
        virBufferAsprintf(&buf, "<creationTime>%lld</creationTime>\n",
                          def->creationTime);
    if (def->ndisks) {
        virBufferAddLit(&buf, "<disks>\n");
        virBufferAdjustIndent(&buf, 2);
        for (i = 0; i < def->ndisks; i++)
            virDomainCheckpointDiskDefFormat(&buf, &def->disks[i]);
        virBufferAdjustIndent(&buf, -2);
        virBufferAddLit(&buf, "</disks>\n");
    }
    if (def->dom && !(flags & VIR_DOMAIN_CHECKPOINT_FORMAT_NO_DOMAIN) &&
        virDomainDefFormatBuf(&buf, def->dom, domflags) < 0)
        return NULL;
    virBufferAdjustIndent(&buf, -2);
    virBufferAddLit(&buf, "</domaincheckpoint>\n");
    return virBufferContentAndReset(&buf);
}
