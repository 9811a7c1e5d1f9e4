/*
 * domain_lease.c: the <lease> device family, read and written as
 * upstream libvirt 9.0 does.
 */
#include "domain_lease.h"
#include "device_info.h"

#include "util/virxml.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

void
virDomainLeaseDefFree(virDomainLeaseDef *dev)
{
    if (!dev)
        return;
    g_free(dev->lockspace);
    g_free(dev->key);
    g_free(dev->path);
    g_free(dev);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainLeaseDef, virDomainLeaseDefFree);


virDomainLeaseDef *
virDomainLeaseDefParseXML(xmlNodePtr node,
                          virDomainDef *def G_GNUC_UNUSED,
                          unsigned int flags G_GNUC_UNUSED)
{
    g_autoptr(virDomainLeaseDef) lease = g_new0(virDomainLeaseDef, 1);
    xmlNodePtr target;

    if (!(lease->key = virConfXMLChildNonEmpty(node, "key"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing 'key' element for lease");
        return NULL;
    }
    if (!(lease->lockspace = virConfXMLChildNonEmpty(node, "lockspace"))) {
        /* upstream fails here without saying why */
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "Missing 'lockspace' element for lease");
        return NULL;
    }
    if (!(target = virXMLChild(node, "target"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing 'target' element for lease");
        return NULL;
    }
    if (!(lease->path = virXMLPropString(target, "path"))) {
        virReportError(VIR_ERR_XML_ERROR, "%s",
                       "Missing 'path' attribute to 'target' element for lease");
        return NULL;
    }
    if (virXMLPropULongLong(target, "offset", 10, VIR_XML_PROP_NONE,
                            &lease->offset) < 0)
        return NULL;

    return g_steal_pointer(&lease);
}


int
virDomainLeaseDefFormat(virBuffer *buf,
                        const virDomainLeaseDef *lease,
                        const virDomainDef *def G_GNUC_UNUSED,
                        unsigned int flags G_GNUC_UNUSED)
{
    virBufferAddLit(buf, "<lease>\n");
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<lockspace>%s</lockspace>\n", lease->lockspace);
    virBufferEscapeString(buf, "<key>%s</key>\n", lease->key);
    virBufferEscapeString(buf, "<target path='%s'", lease->path);
    if (lease->offset)
        virBufferAsprintf(buf, " offset='%llu'", lease->offset);
    virBufferAddLit(buf, "/>\n");
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</lease>\n");
    return 0;
}
