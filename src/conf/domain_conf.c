/*
 * domain_conf.c: <domain> as a whole: the root element, identity,
 * metadata and lifecycle actions, the order in which the sections and
 * devices are parsed, defaulted and formatted, and the entry points.
 */
#include "domain_conf.h"
#include "domain_devices.h"
#include "domain_sections.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_LOG_INIT("conf.domain_conf");

VIR_ENUM_IMPL(virDomainVirt, VIR_DOMAIN_VIRT_LAST, "none", "qemu", "kqemu",
              "kvm", "xen", "lxc", "uml", "openvz", "test", "vmware",
              "hyperv", "vbox", "phyp", "parallels", "bhyve", "vz", "hvf");

VIR_ENUM_IMPL(virDomainLifecycleAction, VIR_DOMAIN_LIFECYCLE_ACTION_LAST,
              "destroy", "restart", "rename-restart", "preserve",
              "coredump-destroy", "coredump-restart");

VIR_ENUM_IMPL(virDomainLockFailure, VIR_DOMAIN_LOCK_FAILURE_LAST, "default",
              "poweroff", "restart", "pause", "ignore");

virDomainDef *
virDomainDefNew(void)
{
    virDomainDef *def = g_new0(virDomainDef, 1);

    def->id = -1;
#define VIR_DOMAIN_SECTION_NEW(Stem, field, Type, newOnCreate) \
    if (newOnCreate) \
        def->field = virDomain##Stem##New();
    VIR_DOMAIN_SECTIONS(VIR_DOMAIN_SECTION_NEW)
#undef VIR_DOMAIN_SECTION_NEW
    def->devices = virDomainDevicesNew();
    return def;
}

void
virDomainDefFree(virDomainDef *def)
{
    if (!def)
        return;
    g_free(def->name);
    g_free(def->title);
    g_free(def->description);
    virXMLNodeFreeDetached(def->metadata);
#define VIR_DOMAIN_SECTION_FREE(Stem, field, Type, newOnCreate) \
    virDomain##Stem##Free(def->field);
    VIR_DOMAIN_SECTIONS(VIR_DOMAIN_SECTION_FREE)
#undef VIR_DOMAIN_SECTION_FREE
    virDomainDevicesFree(def->devices);
    g_free(def);
}

/* ---- Parsing ---- */

static int
virDomainDefParseType(xmlNodePtr root, virDomainDef *def)
{
    g_autofree char *type = virXMLPropString(root, "type");
    int val;

    if (!type) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "missing domain type attribute");
        return -1;
    }
    if ((val = virDomainVirtTypeFromString(type)) < 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "invalid domain type %s",
                       type);
        return -1;
    }
    def->virtType = val;
    return 0;
}

static int
virDomainDefParseUUIDElement(xmlNodePtr root, const char *name,
                             unsigned char *uuid, bool *found)
{
    g_autofree char *str = virXMLChildContent(root, name);

    *found = str != NULL;
    if (!str)
        return 0;
    if (virUUIDParse(str, uuid) < 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "malformed %s element",
                       name);
        return -1;
    }
    return 0;
}

static int
virDomainDefParseIdentity(xmlNodePtr root, virDomainDef *def,
                          unsigned int flags)
{
    bool found;

    if (!(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE) &&
        virXMLPropInt(root, "id", 10, VIR_XML_PROP_NONNEGATIVE, &def->id) < 0)
        return -1;
    /* An inactive parse ignores the id, which is still a known attribute. */
    g_free(virXMLPropString(root, "id"));

    if (!(def->name = virXMLChildContent(root, "name"))) {
        virReportError(VIR_ERR_NO_NAME, NULL);
        return -1;
    }
    if (virDomainDefParseUUIDElement(root, "uuid", def->uuid, &found) < 0)
        return -1;
    if (!found)
        virUUIDGenerate(def->uuid);

    if (virXMLChildCount(root, "genid") > 1) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "element 'genid' can only appear once");
        return -1;
    }
    if (virXMLChildCount(root, "genid") == 1) {
        g_autofree char *genid = virXMLChildContent(root, "genid");

        def->genidRequested = true;
        if (!*genid) {
            virUUIDGenerate(def->genid);
            def->genidGenerated = true;
        } else if (virUUIDParse(genid, def->genid) < 0) {
            virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                           "malformed genid element");
            return -1;
        }
    }

    def->title = virXMLChildContent(root, "title");
    if (def->title && strchr(def->title, '\n')) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Domain title can't contain newlines");
        return -1;
    }
    def->description = virXMLChildContent(root, "description");
    return 0;
}

static int
virDomainDefParseMetadata(xmlNodePtr root, virDomainDef *def)
{
    xmlNodePtr node = virXMLChild(root, "metadata");

    if (!node)
        return 0;
    /* Foreign namespaces are kept verbatim and never validated. */
    virXMLNodeMarkSubtree(node);
    def->metadata = virXMLNodeCopyDetached(node);
    return 0;
}

static int
virDomainDefParseAction(xmlNodePtr root, const char *name,
                        int (*fromString)(const char *), int defvalue,
                        int *result)
{
    g_autofree char *str = virXMLChildContent(root, name);
    int val;

    *result = defvalue;
    if (!str)
        return 0;
    if ((val = fromString(str)) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "Invalid %s value: '%s'", name,
                       str);
        return -1;
    }
    *result = val;
    return 0;
}

static int
virDomainDefParseLifecycle(xmlNodePtr root, virDomainDef *def)
{
    int val;

    if (virDomainDefParseAction(root, "on_poweroff",
                                virDomainLifecycleActionTypeFromString,
                                VIR_DOMAIN_LIFECYCLE_ACTION_DESTROY,
                                &val) < 0)
        return -1;
    def->onPoweroff = val;
    if (virDomainDefParseAction(root, "on_reboot",
                                virDomainLifecycleActionTypeFromString,
                                VIR_DOMAIN_LIFECYCLE_ACTION_RESTART,
                                &val) < 0)
        return -1;
    def->onReboot = val;
    if (virDomainDefParseAction(root, "on_crash",
                                virDomainLifecycleActionTypeFromString,
                                VIR_DOMAIN_LIFECYCLE_ACTION_DESTROY,
                                &val) < 0)
        return -1;
    def->onCrash = val;
    if (virDomainDefParseAction(root, "on_lockfailure",
                                virDomainLockFailureTypeFromString,
                                VIR_DOMAIN_LOCK_FAILURE_DEFAULT, &val) < 0)
        return -1;
    def->onLockFailure = val;
    return 0;
}

static int
virDomainDefPostParse(virDomainDef *def, const virDomainXMLOption *xmlopt,
                      unsigned int flags)
{
#define VIR_DOMAIN_SECTION_POSTPARSE(Stem, field, Type, newOnCreate) \
    if (virDomainDef##Stem##PostParse(def, flags) < 0) \
        return -1;
    VIR_DOMAIN_SECTIONS(VIR_DOMAIN_SECTION_POSTPARSE)
#undef VIR_DOMAIN_SECTION_POSTPARSE
    if (xmlopt && xmlopt->postParse &&
        xmlopt->postParse(def, flags, xmlopt->opaque) < 0)
        return -1;
    return 0;
}

virDomainDef *
virDomainDefParseNode(xmlNodePtr root, const virDomainXMLOption *xmlopt,
                      unsigned int flags)
{
    g_autoptr(virDomainDef) def = virDomainDefNew();

    if (!virXMLNodeNameEqual(root, "domain")) {
        virReportError(VIR_ERR_XML_ERROR,
                       "expecting root element of 'domain', not '%s'",
                       (const char *)root->name);
        return NULL;
    }
    virXMLNodeMarkConsumed(root);
    if (virDomainDefParseType(root, def) < 0 ||
        virDomainDefParseIdentity(root, def, flags) < 0 ||
        virDomainDefParseMetadata(root, def) < 0)
        return NULL;
#define VIR_DOMAIN_SECTION_PARSE(Stem, field, Type, newOnCreate) \
    if (virDomainDef##Stem##ParseXML(root, def, flags) < 0) \
        return NULL;
    VIR_DOMAIN_SECTIONS(VIR_DOMAIN_SECTION_PARSE)
#undef VIR_DOMAIN_SECTION_PARSE
    if (virDomainDefParseLifecycle(root, def) < 0 ||
        virDomainDefDevicesParseXML(root, def, flags) < 0)
        return NULL;
    if ((flags & VIR_DOMAIN_DEF_PARSE_VALIDATE) &&
        virXMLCheckConsumed(VIR_FROM_THIS, root) < 0)
        return NULL;
    if (virDomainDefPostParse(def, xmlopt, flags) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

virDomainDef *
virDomainDefParseString(const char *xml, const virDomainXMLOption *xmlopt,
                        unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;

    if (!(doc = virXMLParseStringCtxt(VIR_FROM_THIS, xml,
                                      "(domain_definition)", "domain")))
        return NULL;
    return virDomainDefParseNode(xmlDocGetRootElement(doc), xmlopt, flags);
}

virDomainDef *
virDomainDefParseFile(const char *path, const virDomainXMLOption *xmlopt,
                      unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;

    if (!(doc = virXMLParseFileCtxt(VIR_FROM_THIS, path, "domain")))
        return NULL;
    return virDomainDefParseNode(xmlDocGetRootElement(doc), xmlopt, flags);
}

/* ---- Formatting ---- */

static void
virDomainDefFormatIdentity(virBuffer *buf, const virDomainDef *def)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    virBufferEscapeString(buf, "<name>%s</name>\n", def->name);
    virBufferAsprintf(buf, "<uuid>%s</uuid>\n",
                      virUUIDFormat(def->uuid, uuidstr));
    if (def->genidRequested)
        virBufferAsprintf(buf, "<genid>%s</genid>\n",
                          virUUIDFormat(def->genid, uuidstr));
    virBufferEscapeString(buf, "<title>%s</title>\n", def->title);
    virBufferEscapeString(buf, "<description>%s</description>\n",
                          def->description);
    if (def->metadata)
        virXMLFormatNode(buf, def->metadata);
}

static void
virDomainDefFormatLifecycle(virBuffer *buf, const virDomainDef *def)
{
    virBufferAsprintf(buf, "<on_poweroff>%s</on_poweroff>\n",
                      virDomainLifecycleActionTypeToString(def->onPoweroff));
    virBufferAsprintf(buf, "<on_reboot>%s</on_reboot>\n",
                      virDomainLifecycleActionTypeToString(def->onReboot));
    virBufferAsprintf(buf, "<on_crash>%s</on_crash>\n",
                      virDomainLifecycleActionTypeToString(def->onCrash));
    if (def->onLockFailure != VIR_DOMAIN_LOCK_FAILURE_DEFAULT)
        virBufferAsprintf(buf, "<on_lockfailure>%s</on_lockfailure>\n",
                          virDomainLockFailureTypeToString(
                              def->onLockFailure));
}

int
virDomainDefFormatBuf(virBuffer *buf, const virDomainDef *def,
                      unsigned int flags)
{
    const char *type = virDomainVirtTypeToString(def->virtType);

    if (!type) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "unexpected domain type %d",
                       def->virtType);
        return -1;
    }
    if (def->id == -1)
        flags |= VIR_DOMAIN_DEF_FORMAT_INACTIVE;

    virBufferAsprintf(buf, "<domain type='%s'", type);
    if (!(flags & VIR_DOMAIN_DEF_FORMAT_INACTIVE))
        virBufferAsprintf(buf, " id='%d'", def->id);
    virDomainDefNamespaceFormatRootAttrs(buf, def);
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);

    virDomainDefFormatIdentity(buf, def);
    if (virDomainDefMemFormat(buf, def, flags) < 0 ||
        virDomainDefVcpuFormat(buf, def, flags) < 0 ||
        virDomainDefNumatuneFormat(buf, def, flags) < 0 ||
        virDomainDefResourceFormat(buf, def, flags) < 0 ||
        virDomainDefSysinfoFormat(buf, def, flags) < 0 ||
        virDomainDefOSFormat(buf, def, flags) < 0 ||
        virDomainDefFeaturesFormat(buf, def, flags) < 0 ||
        virDomainDefCPUFormat(buf, def, flags) < 0 ||
        virDomainDefClockFormat(buf, def, flags) < 0)
        return -1;
    virDomainDefFormatLifecycle(buf, def);
    if (virDomainDefPMFormat(buf, def, flags) < 0 ||
        virDomainDefDevicesFormat(buf, def, flags) < 0 ||
        virDomainDefSecurityFormat(buf, def, flags) < 0 ||
        virDomainDefNamespaceFormat(buf, def, flags) < 0)
        return -1;

    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</domain>\n");
    return 0;
}

char *
virDomainDefFormat(const virDomainDef *def, unsigned int flags)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

    if (virDomainDefFormatBuf(&buf, def, flags) < 0)
        return NULL;
    return virBufferContentAndReset(&buf);
}

virDomainDef *
virDomainDefCopy(const virDomainDef *def, const virDomainXMLOption *xmlopt,
                 bool inactive)
{
    unsigned int formatFlags = VIR_DOMAIN_DEF_FORMAT_SECURE;
    unsigned int parseFlags = 0;
    g_autofree char *xml = NULL;

    if (inactive) {
        formatFlags |= VIR_DOMAIN_DEF_FORMAT_INACTIVE;
        parseFlags |= VIR_DOMAIN_DEF_PARSE_INACTIVE;
    }
    if (!(xml = virDomainDefFormat(def, formatFlags)))
        return NULL;
    return virDomainDefParseString(xml, xmlopt, parseFlags);
}
