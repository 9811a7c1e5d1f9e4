/*
 * domain_security.c: <seclabel>, <keywrap> and <launchSecurity>.
 *
 * Which parts of a seclabel are read depends on its type and on whether
 * the document is a live one, as upstream: a configuration keeps only
 * the label of a static seclabel and the baselabel of a dynamic one.
 */
#include "domain_security.h"
#include "device_info.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_ENUM_IMPL(virDomainSeclabel, VIR_DOMAIN_SECLABEL_LAST,
              "default", "none", "dynamic", "static");

VIR_ENUM_IMPL(virDomainKeyWrapCipherName, VIR_DOMAIN_KEY_WRAP_CIPHER_NAME_LAST,
              "aes", "dea");

VIR_ENUM_IMPL(virDomainLaunchSecurity, VIR_DOMAIN_LAUNCH_SECURITY_LAST,
              "", "sev", "s390-pv");

/* Upstream's VIR_SECURITY_MODEL_BUFLEN and VIR_SECURITY_LABEL_BUFLEN,
 * less the terminating byte. */
#define VIR_SECURITY_MODEL_MAX 256
#define VIR_SECURITY_LABEL_MAX 4096

static void
virSecurityLabelDefFree(virSecurityLabelDef *seclabel)
{
    if (!seclabel)
        return;
    g_free(seclabel->model);
    g_free(seclabel->label);
    g_free(seclabel->imagelabel);
    g_free(seclabel->baselabel);
    g_free(seclabel);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virSecurityLabelDef, virSecurityLabelDefFree);

virDomainSecurityDef *
virDomainSecurityNew(void)
{
    return g_new0(virDomainSecurityDef, 1);
}

void
virDomainSecurityFree(virDomainSecurityDef *sec)
{
    size_t i;

    if (!sec)
        return;
    for (i = 0; i < sec->nseclabels; i++)
        virSecurityLabelDefFree(sec->seclabels[i]);
    g_free(sec->seclabels);
    g_free(sec->sev.dhCert);
    g_free(sec->sev.session);
    g_free(sec);
}

/* ---- Parsing ---- */

/* The content of the first child called name, NULL when absent or
 * empty or longer than max. */
static char *
virSecurityChildString(xmlNodePtr node, const char *name, size_t max)
{
    char *str = virXMLChildContent(node, name);

    if (str && (!*str || strlen(str) > max))
        g_clear_pointer(&str, g_free);
    return str;
}

static virSecurityLabelDef *
virSecurityLabelDefParseXML(xmlNodePtr node, unsigned int flags)
{
    g_autoptr(virSecurityLabelDef) seclabel = g_new0(virSecurityLabelDef, 1);
    bool live = !(flags & VIR_DOMAIN_DEF_PARSE_INACTIVE);
    virTristateBool relabel;
    int type;

    seclabel->model = virXMLPropString(node, "model");
    if (seclabel->model && strlen(seclabel->model) > VIR_SECURITY_MODEL_MAX)
        g_clear_pointer(&seclabel->model, g_free);
    seclabel->relabel = true;

    if (virXMLPropEnumDefault(node, "type", virDomainSeclabelTypeFromString,
                              VIR_XML_PROP_NONZERO, &type,
                              VIR_DOMAIN_SECLABEL_DYNAMIC) < 0)
        return NULL;
    seclabel->type = type;
    if (type == VIR_DOMAIN_SECLABEL_STATIC || type == VIR_DOMAIN_SECLABEL_NONE)
        seclabel->relabel = false;
    if (virXMLPropTristateBool(node, "relabel", VIR_XML_PROP_NONE,
                               &relabel) < 0)
        return NULL;
    virTristateBoolToBool(relabel, &seclabel->relabel);

    if (type == VIR_DOMAIN_SECLABEL_DYNAMIC && !seclabel->relabel) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "dynamic label type must use resource relabeling");
        return NULL;
    }
    if (type == VIR_DOMAIN_SECLABEL_NONE && seclabel->relabel) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                       "resource relabeling is not compatible with 'none' label type");
        return NULL;
    }

    /* the 'none' model has no labels at all */
    if (STREQ_NULLABLE(seclabel->model, "none")) {
        if (!live) {
            /* older configurations used other types with it */
            seclabel->type = VIR_DOMAIN_SECLABEL_NONE;
            seclabel->relabel = false;
        } else if (type != VIR_DOMAIN_SECLABEL_NONE) {
            virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                           "unsupported type='%s' to model 'none'",
                           virDomainSeclabelTypeToString(type));
            return NULL;
        }
        return g_steal_pointer(&seclabel);
    }

    if (type == VIR_DOMAIN_SECLABEL_STATIC ||
        (live && type != VIR_DOMAIN_SECLABEL_NONE)) {
        if (!(seclabel->label = virSecurityChildString(node, "label",
                                                       VIR_SECURITY_LABEL_MAX))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "security label is missing");
            return NULL;
        }
    }
    if (seclabel->relabel && live && type != VIR_DOMAIN_SECLABEL_NONE) {
        if (!(seclabel->imagelabel =
              virSecurityChildString(node, "imagelabel",
                                     VIR_SECURITY_LABEL_MAX))) {
            virReportError(VIR_ERR_XML_ERROR, "%s",
                           "security imagelabel is missing");
            return NULL;
        }
    }
    if (type == VIR_DOMAIN_SECLABEL_DYNAMIC)
        seclabel->baselabel = virSecurityChildString(node, "baselabel",
                                                     VIR_SECURITY_LABEL_MAX);
    return g_steal_pointer(&seclabel);
}

static int
virSecurityLabelDefsParseXML(xmlNodePtr root, virDomainSecurityDef *sec,
                             unsigned int flags)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(root, "seclabel", &nodes);
    size_t i;
    size_t j;

    if (n == 0)
        return 0;
    sec->seclabels = g_new0(virSecurityLabelDef *, n);
    for (i = 0; i < n; i++) {
        g_autoptr(virSecurityLabelDef) seclabel = NULL;

        if (!(seclabel = virSecurityLabelDefParseXML(nodes[i], flags)))
            return -1;
        for (j = 0; j < i; j++) {
            if (STREQ_NULLABLE(seclabel->model, sec->seclabels[j]->model)) {
                virReportError(VIR_ERR_XML_DETAIL,
                               "seclabel for model %s is already provided",
                               NULLSTR(seclabel->model));
                return -1;
            }
        }
        sec->seclabels[sec->nseclabels++] = g_steal_pointer(&seclabel);
    }

    if (sec->nseclabels > 1) {
        for (i = 0; i < sec->nseclabels; i++) {
            if (!sec->seclabels[i]->model) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "missing security model when using multiple labels");
                return -1;
            }
        }
    }
    return 0;
}

static int
virDomainKeyWrapParseXML(xmlNodePtr root, virDomainSecurityDef *sec)
{
    xmlNodePtr node = virXMLChild(root, "keywrap");
    g_autofree xmlNodePtr *ciphers = NULL;
    size_t n;
    size_t i;

    if (!node)
        return 0;
    n = virXMLChildren(node, "cipher", &ciphers);
    for (i = 0; i < n; i++) {
        int name;
        virTristateSwitch state;
        virTristateSwitch *slot;

        if (virXMLPropEnum(ciphers[i], "name",
                           virDomainKeyWrapCipherNameTypeFromString,
                           VIR_XML_PROP_REQUIRED, &name) < 0 ||
            virXMLPropTristateSwitch(ciphers[i], "state",
                                     VIR_XML_PROP_REQUIRED, &state) < 0)
            return -1;
        slot = name == VIR_DOMAIN_KEY_WRAP_CIPHER_NAME_AES ?
               &sec->keywrapAes : &sec->keywrapDea;
        if (*slot) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "A domain definition can have no more than one cipher node with name %s",
                           virDomainKeyWrapCipherNameTypeToString(name));
            return -1;
        }
        *slot = state;
    }
    return 0;
}

/* An unsigned number in a child element: 0 when absent, 1 when read, -1
 * when not a number (reported by the caller). */
static int
virDomainSEVChildUInt(xmlNodePtr node, const char *name, int base,
                      unsigned int *result)
{
    g_autofree char *str = virXMLChildContent(node, name);

    if (!str || !*str)
        return 0;
    if (virStrToLong_ui(str, NULL, base, result) < 0)
        return -1;
    return 1;
}

static int
virDomainLaunchSecurityParseXML(xmlNodePtr root, virDomainSecurityDef *sec)
{
    xmlNodePtr node = virXMLChild(root, "launchSecurity");
    virDomainSEVDef *sev = &sec->sev;
    int type;
    int rc;

    if (!node)
        return 0;
    if (virXMLPropEnum(node, "type", virDomainLaunchSecurityTypeFromString,
                       VIR_XML_PROP_REQUIRED | VIR_XML_PROP_NONZERO,
                       &type) < 0)
        return -1;
    sec->launchType = type;
    if (type != VIR_DOMAIN_LAUNCH_SECURITY_SEV)
        return 0;

    if (virXMLPropTristateBool(node, "kernelHashes", VIR_XML_PROP_NONE,
                               &sev->kernelHashes) < 0)
        return -1;
    if (virDomainSEVChildUInt(node, "policy", 16, &sev->policy) <= 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "failed to get launch security policy");
        return -1;
    }
    if ((rc = virDomainSEVChildUInt(node, "cbitpos", 10,
                                    &sev->cbitpos)) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Invalid format for launch security cbitpos");
        return -1;
    }
    sev->haveCbitpos = rc > 0;
    if ((rc = virDomainSEVChildUInt(node, "reducedPhysBits", 10,
                                    &sev->reducedPhysBits)) < 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Invalid format for launch security reduced-phys-bits");
        return -1;
    }
    sev->haveReducedPhysBits = rc > 0;
    sev->dhCert = virSecurityChildString(node, "dhCert", G_MAXSIZE);
    sev->session = virSecurityChildString(node, "session", G_MAXSIZE);
    return 0;
}

int
virDomainDefSecurityParseXML(xmlNodePtr root, virDomainDef *def,
                             unsigned int flags)
{
    if (virSecurityLabelDefsParseXML(root, def->sec, flags) < 0 ||
        virDomainKeyWrapParseXML(root, def->sec) < 0 ||
        virDomainLaunchSecurityParseXML(root, def->sec) < 0)
        return -1;
    return 0;
}

int
virDomainDefSecurityPostParse(virDomainDef *def G_GNUC_UNUSED,
                              unsigned int flags G_GNUC_UNUSED)
{
    return 0;
}

/* ---- Formatting ---- */

static void
virSecurityLabelDefFormat(virBuffer *buf, const virSecurityLabelDef *seclabel,
                          unsigned int flags)
{
    if (seclabel->type == VIR_DOMAIN_SECLABEL_DEFAULT)
        return;
    /* implicit dac/none labels are left out of migratable XML, which
     * older libvirt could not parse */
    if ((STREQ_NULLABLE(seclabel->model, "dac") ||
         STREQ_NULLABLE(seclabel->model, "none")) && seclabel->implicit &&
        (flags & VIR_DOMAIN_DEF_FORMAT_MIGRATABLE))
        return;

    virBufferAsprintf(buf, "<seclabel type='%s'",
                      virDomainSeclabelTypeToString(seclabel->type));
    virBufferEscapeString(buf, " model='%s'", seclabel->model);
    if (seclabel->type == VIR_DOMAIN_SECLABEL_NONE) {
        virBufferAddLit(buf, "/>\n");
        return;
    }
    virBufferAsprintf(buf, " relabel='%s'", seclabel->relabel ? "yes" : "no");
    if (!seclabel->label && !seclabel->imagelabel && !seclabel->baselabel) {
        virBufferAddLit(buf, "/>\n");
        return;
    }
    virBufferAddLit(buf, ">\n");
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<label>%s</label>\n", seclabel->label);
    if (seclabel->relabel)
        virBufferEscapeString(buf, "<imagelabel>%s</imagelabel>\n",
                              seclabel->imagelabel);
    if (seclabel->type == VIR_DOMAIN_SECLABEL_DYNAMIC)
        virBufferEscapeString(buf, "<baselabel>%s</baselabel>\n",
                              seclabel->baselabel);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</seclabel>\n");
}

static void
virDomainLaunchSecurityFormat(virBuffer *buf, const virDomainSecurityDef *sec)
{
    g_auto(virBuffer) attrBuf = VIR_BUFFER_INITIALIZER;
    g_auto(virBuffer) childBuf = VIR_BUFFER_INIT_CHILD(buf);
    const virDomainSEVDef *sev = &sec->sev;

    if (sec->launchType == VIR_DOMAIN_LAUNCH_SECURITY_NONE)
        return;
    virBufferAsprintf(&attrBuf, " type='%s'",
                      virDomainLaunchSecurityTypeToString(sec->launchType));
    if (sec->launchType == VIR_DOMAIN_LAUNCH_SECURITY_SEV) {
        virDomainTristateBoolAttrFormat(&attrBuf, "kernelHashes",
                                        sev->kernelHashes);
        if (sev->haveCbitpos)
            virBufferAsprintf(&childBuf, "<cbitpos>%u</cbitpos>\n",
                              sev->cbitpos);
        if (sev->haveReducedPhysBits)
            virBufferAsprintf(&childBuf,
                              "<reducedPhysBits>%u</reducedPhysBits>\n",
                              sev->reducedPhysBits);
        virBufferAsprintf(&childBuf, "<policy>0x%04x</policy>\n",
                          sev->policy);
        virBufferEscapeString(&childBuf, "<dhCert>%s</dhCert>\n", sev->dhCert);
        virBufferEscapeString(&childBuf, "<session>%s</session>\n",
                              sev->session);
    }
    virXMLFormatElement(buf, "launchSecurity", &attrBuf, &childBuf);
}

int
virDomainDefSecurityFormat(virBuffer *buf, const virDomainDef *def,
                           unsigned int flags)
{
    const virDomainSecurityDef *sec = def->sec;
    size_t i;

    for (i = 0; i < sec->nseclabels; i++)
        virSecurityLabelDefFormat(buf, sec->seclabels[i], flags);

    if (sec->keywrapAes || sec->keywrapDea) {
        virBufferAddLit(buf, "<keywrap>\n");
        virBufferAdjustIndent(buf, 2);
        if (sec->keywrapAes)
            virBufferAsprintf(buf, "<cipher name='aes' state='%s'/>\n",
                              virTristateSwitchTypeToString(sec->keywrapAes));
        if (sec->keywrapDea)
            virBufferAsprintf(buf, "<cipher name='dea' state='%s'/>\n",
                              virTristateSwitchTypeToString(sec->keywrapDea));
        virBufferAdjustIndent(buf, -2);
        virBufferAddLit(buf, "</keywrap>\n");
    }

    virDomainLaunchSecurityFormat(buf, sec);
    return 0;
}
