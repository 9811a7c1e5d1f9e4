/*
 * netdev_vlan.c: parsing and formatting <vlan>.
 *
 * trunk='yes' is implied by several tags; trunk='no' is accepted (and
 * forgotten) only for a single tag without a native mode.
 */
#include "netdev_vlan.h"
#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_NONE

#define VIR_VLAN_TAG_MAX 4095

VIR_ENUM_IMPL(virNativeVlanMode, VIR_NATIVE_VLAN_MODE_LAST,
              "default", "tagged", "untagged");

void
virNetDevVlanClear(virNetDevVlan *def)
{
    if (!def)
        return;
    g_free(def->tag);
    memset(def, 0, sizeof(*def));
}

void
virNetDevVlanFree(virNetDevVlan *def)
{
    virNetDevVlanClear(def);
    g_free(def);
}

bool
virNetDevVlanEqual(const virNetDevVlan *a, const virNetDevVlan *b)
{
    size_t na = a ? a->nTags : 0;
    size_t nb = b ? b->nTags : 0;

    if (na != nb)
        return false;
    if (na == 0)
        return true;
    if (a->trunk != b->trunk || a->nativeMode != b->nativeMode ||
        a->nativeTag != b->nativeTag)
        return false;
    return memcmp(a->tag, b->tag, na * sizeof(*a->tag)) == 0;
}

void
virNetDevVlanCopy(virNetDevVlan *dst, const virNetDevVlan *src)
{
    virNetDevVlanClear(dst);
    if (!src || !src->nTags)
        return;
    *dst = *src;
    dst->tag = g_memdup2(src->tag, src->nTags * sizeof(*src->tag));
}

static int
virNetDevVlanParseTags(xmlNodePtr node, virNetDevVlan *def)
{
    g_autofree xmlNodePtr *tags = NULL;
    size_t ntags = virXMLChildren(node, "tag", &tags);
    g_autofree char *trunk = NULL;
    size_t i;

    if (ntags == 0) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "missing tag id - each <vlan> must have "
                       "at least one <tag id='n'/> subelement");
        return -1;
    }

    def->tag = g_new0(unsigned int, ntags);
    for (i = 0; i < ntags; i++) {
        int mode = 0;
        int rc;

        if (virXMLPropUInt(tags[i], "id", 10, VIR_XML_PROP_REQUIRED,
                           &def->tag[i]) < 0)
            return -1;
        if (def->tag[i] > VIR_VLAN_TAG_MAX) {
            virReportError(VIR_ERR_XML_ERROR,
                           "vlan tag id %u too large (maximum 4095)",
                           def->tag[i]);
            return -1;
        }
        if ((rc = virXMLPropEnum(tags[i], "nativeMode",
                                 virNativeVlanModeTypeFromString,
                                 VIR_XML_PROP_NONZERO, &mode)) < 0)
            return -1;
        if (rc == 1) {
            if (def->nativeMode != VIR_NATIVE_VLAN_MODE_DEFAULT) {
                virReportError(VIR_ERR_XML_ERROR, "%s",
                               "duplicate native vlan setting");
                return -1;
            }
            def->nativeMode = mode;
            def->nativeTag = def->tag[i];
        }
    }
    def->nTags = ntags;
    def->trunk = ntags > 1;

    /* An empty trunk='' counts as absent, as in upstream. */
    if (!(trunk = virXMLPropString(node, "trunk")) || !*trunk)
        return 0;
    def->trunk = g_ascii_strcasecmp(trunk, "yes") == 0;
    if (def->trunk)
        return 0;
    if (ntags > 1) {
        virReportError(VIR_ERR_XML_ERROR,
                       "invalid \"trunk='%s'\" in <vlan> - trunk='yes' "
                       "is required for more than one vlan tag", trunk);
        return -1;
    }
    if (def->nativeMode != VIR_NATIVE_VLAN_MODE_DEFAULT) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "invalid configuration in <vlan> - \"trunk='no'\" is "
                       "not allowed with a native vlan id");
        return -1;
    }
    if (g_ascii_strcasecmp(trunk, "no") != 0) {
        virReportError(VIR_ERR_XML_ERROR,
                       "invalid \"trunk='%s'\" in <vlan> "
                       "- must be yes or no", trunk);
        return -1;
    }
    return 0;
}

int
virNetDevVlanParse(xmlNodePtr node, virNetDevVlan *def)
{
    if (virNetDevVlanParseTags(node, def) < 0) {
        virNetDevVlanClear(def);
        return -1;
    }
    return 0;
}

void
virNetDevVlanFormat(const virNetDevVlan *def, virBuffer *buf)
{
    size_t i;

    if (!def || !def->nTags)
        return;

    virBufferAsprintf(buf, "<vlan%s>\n", def->trunk ? " trunk='yes'" : "");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < def->nTags; i++) {
        virBufferAsprintf(buf, "<tag id='%u'", def->tag[i]);
        /* Every tag carrying the native id shows the mode. */
        if (def->nativeMode != VIR_NATIVE_VLAN_MODE_DEFAULT &&
            def->nativeTag == def->tag[i])
            virBufferAsprintf(buf, " nativeMode='%s'",
                              virNativeVlanModeTypeToString(def->nativeMode));
        virBufferAddLit(buf, "/>\n");
    }
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</vlan>\n");
}
