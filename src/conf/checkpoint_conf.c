/*
 * checkpoint_conf.c: parsing and formatting <domaincheckpoint>.
 *
 * A new checkpoint gets its creation time (and, lacking a name, a name
 * made of it) here; a redefined one carries both, plus its parent and
 * the domain definition it was taken from.
 */
#include "checkpoint_conf.h"
#include "moment_conf.h"
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

/* What only a redefinition reads. */
static const char *const virDomainCheckpointRedefineOnly[] = {
    "creationTime", "parent", "domain",
};

virDomainCheckpointDef *
virDomainCheckpointDefParseString(const char *xml,
                                  const virDomainXMLOption *xmlopt,
                                  unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(virDomainCheckpointDef) def = g_new0(virDomainCheckpointDef, 1);
    g_autofree xmlNodePtr *disks = NULL;
    xmlNodePtr root;
    xmlNodePtr node;
    size_t ndisks;
    size_t i;
    bool redefine = !!(flags & VIR_DOMAIN_CHECKPOINT_PARSE_REDEFINE);
    bool validate = !!(flags & VIR_DOMAIN_CHECKPOINT_PARSE_VALIDATE);

    if (!(doc = virXMLParseStringCtxt(VIR_FROM_THIS, xml,
                                      "(domain_checkpoint)",
                                      "domaincheckpoint")))
        return NULL;
    root = xmlDocGetRootElement(doc);
    virXMLNodeMarkConsumed(root);

    if (virDomainMomentParseName(root, VIR_FROM_THIS, "checkpoint", redefine,
                                 &def->name, &def->description) < 0)
        return NULL;

    if (redefine) {
        if (virDomainMomentParseRedefine(root, VIR_FROM_THIS, "checkpoint",
                                         &def->creationTime,
                                         &def->parent_name) < 0)
            return NULL;
        if ((node = virXMLChild(root, "domain")) &&
            !(def->dom = virDomainMomentParseDomain(node, xmlopt, validate)))
            return NULL;
    } else {
        virDomainMomentParseNew(root, &def->name, &def->creationTime,
                                virDomainCheckpointRedefineOnly,
                                G_N_ELEMENTS(virDomainCheckpointRedefineOnly));
    }

    ndisks = virDomainMomentDiskNodes(root, &disks);
    def->disks = g_new0(virDomainCheckpointDiskDef, ndisks);
    for (i = 0; i < ndisks; i++) {
        if (virDomainCheckpointDiskDefParseXML(disks[i],
                                               &def->disks[def->ndisks++]) < 0)
            return NULL;
    }

    if (validate && virXMLCheckConsumed(VIR_FROM_THIS, root) < 0)
        return NULL;
    return g_steal_pointer(&def);
}

static void
virDomainCheckpointDiskDefFormat(virBuffer *buf, const void *opaque)
{
    const virDomainCheckpointDiskDef *disk = opaque;

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
    bool secure = !!(flags & VIR_DOMAIN_CHECKPOINT_FORMAT_SECURE);
    unsigned int domflags = virDomainMomentDomainFormatFlags(secure);

    virDomainMomentFormatBegin(&buf, "domaincheckpoint", def->name,
                               def->description);
    virDomainMomentFormatParent(&buf, def->parent_name, def->creationTime);
    virDomainMomentFormatDisks(&buf, def->disks, def->ndisks,
                               sizeof(*def->disks),
                               virDomainCheckpointDiskDefFormat);
    if (def->dom && !(flags & VIR_DOMAIN_CHECKPOINT_FORMAT_NO_DOMAIN) &&
        virDomainDefFormatBuf(&buf, def->dom, domflags) < 0)
        return NULL;
    virDomainMomentFormatEnd(&buf, "domaincheckpoint");
    return virBufferContentAndReset(&buf);
}
