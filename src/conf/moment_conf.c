/*
 * moment_conf.c: the parts of <domainsnapshot> and <domaincheckpoint>
 * that are read and written alike.
 */
#include "moment_conf.h"
#include "util/virerror.h"

int
virDomainMomentParseName(xmlNodePtr root, int domcode, const char *kind,
                         bool redefine, char **name, char **description)
{
    *name = virXMLChildContent(root, "name");
    if (!*name && redefine) {
        virReportErrorHelper(domcode, VIR_ERR_XML_ERROR, __FILE__, __func__,
                             __LINE__, "a redefined %s must have a name",
                             kind);
        return -1;
    }
    *description = virXMLChildContent(root, "description");
    return 0;
}

int
virDomainMomentParseRedefine(xmlNodePtr root, int domcode, const char *kind,
                             long long *creationTime, char **parent_name)
{
    g_autofree char *created = virXMLChildContent(root, "creationTime");
    xmlNodePtr node;

    if (!created || virStrToLong_ll(created, NULL, 10, creationTime) < 0) {
        virReportErrorHelper(domcode, VIR_ERR_INTERNAL_ERROR, __FILE__,
                             __func__, __LINE__,
                             "missing creationTime from existing %s", kind);
        return -1;
    }
    if ((node = virXMLChild(root, "parent")))
        *parent_name = virXMLChildContent(node, "name");
    return 0;
}

void
virDomainMomentParseNew(xmlNodePtr root, char **name, long long *creationTime,
                        const char *const *ignored, size_t nignored)
{
    size_t i;

    *creationTime = g_get_real_time() / (1000 * 1000);
    if (!*name)
        *name = g_strdup_printf("%lld", *creationTime);

    for (i = 0; i < nignored; i++) {
        g_autofree xmlNodePtr *nodes = NULL;
        size_t n = virXMLChildren(root, ignored[i], &nodes);
        size_t j;

        for (j = 0; j < n; j++)
            virXMLNodeMarkSubtree(nodes[j]);
    }
}

size_t
virDomainMomentDiskNodes(xmlNodePtr root, xmlNodePtr **nodes)
{
    xmlNodePtr node = virXMLChild(root, "disks");
    xmlNodePtr cur;
    size_t n = 0;

    *nodes = NULL;
    if (!node)
        return 0;
    virXMLNodeMarkConsumed(node);
    for (cur = virXMLFirstElement(node); cur; cur = virXMLNextElement(cur))
        n++;
    *nodes = g_new0(xmlNodePtr, n + 1);
    n = 0;
    for (cur = virXMLFirstElement(node); cur; cur = virXMLNextElement(cur)) {
        virXMLNodeMarkConsumed(cur);
        (*nodes)[n++] = cur;
    }
    return n;
}

virDomainDef *
virDomainMomentParseDomain(xmlNodePtr node, const virDomainXMLOption *xmlopt,
                           bool validate)
{
    unsigned int domflags = VIR_DOMAIN_DEF_PARSE_INACTIVE;
    xmlNodePtr copy;
    virDomainDef *dom;

    if (validate)
        domflags |= VIR_DOMAIN_DEF_PARSE_VALIDATE;
    if (virXMLNodeNameEqual(node, "domain"))
        return virDomainDefParseNode(node, xmlopt, domflags);

    virXMLNodeMarkSubtree(node);
    copy = virXMLNodeCopyDetached(node);
    xmlNodeSetName(copy, (const xmlChar *)"domain");
    dom = virDomainDefParseNode(copy, xmlopt, domflags);
    virXMLNodeFreeDetached(copy);
    return dom;
}

unsigned int
virDomainMomentDomainFormatFlags(bool secure)
{
    unsigned int domflags = VIR_DOMAIN_DEF_FORMAT_INACTIVE;

    if (secure)
        domflags |= VIR_DOMAIN_DEF_FORMAT_SECURE;
    return domflags;
}

void
virDomainMomentFormatBegin(virBuffer *buf, const char *root, const char *name,
                           const char *description)
{
    virBufferAsprintf(buf, "<%s>\n", root);
    virBufferAdjustIndent(buf, 2);
    virBufferEscapeString(buf, "<name>%s</name>\n", name);
    virBufferEscapeString(buf, "<description>%s</description>\n",
                          description);
}

void
virDomainMomentFormatEnd(virBuffer *buf, const char *root)
{
    virBufferAdjustIndent(buf, -2);
    virBufferAsprintf(buf, "</%s>\n", root);
}

void
virDomainMomentFormatParent(virBuffer *buf, const char *parent_name,
                            long long creationTime)
{
    if (parent_name) {
        virBufferAddLit(buf, "<parent>\n");
        virBufferEscapeString(buf, "  <name>%s</name>\n", parent_name);
        virBufferAddLit(buf, "</parent>\n");
    }
    if (creationTime)
        virBufferAsprintf(buf, "<creationTime>%lld</creationTime>\n",
                          creationTime);
}

void
virDomainMomentFormatDisks(virBuffer *buf, const void *disks, size_t ndisks,
                           size_t size, virDomainMomentDiskFormatFunc format)
{
    size_t i;

    if (!ndisks)
        return;
    virBufferAddLit(buf, "<disks>\n");
    virBufferAdjustIndent(buf, 2);
    for (i = 0; i < ndisks; i++)
        format(buf, (const char *)disks + i * size);
    virBufferAdjustIndent(buf, -2);
    virBufferAddLit(buf, "</disks>\n");
}
