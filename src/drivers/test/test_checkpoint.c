/*
 * test_checkpoint.c: domain checkpoints.
 *
 * A checkpoint marks where an incremental backup of a running domain's
 * disks would start; the test driver keeps the tree of them (parents,
 * current one) as upstream's does, with nothing to record on the disks.
 * The tree lives in the domain object (vm->checkpoints) under its lock.
 * A domain has either snapshots or checkpoints, never both.
 */
#include "test_moment.h"
#include "test_xmlopt.h"
#include "conf/checkpoint_conf.h"
#include "conf/domain_devices.h"
#include "conf/domain_disk.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* The document's own checks report in the checkpoint error domain. */
#define testCheckpointConfError(code, ...) \
    virReportErrorHelper(VIR_FROM_DOMAIN_CHECKPOINT, code, __FILE__, \
                         __func__, __LINE__, __VA_ARGS__)

#define TEST_CHECKPOINT_FILTERS_ALL \
    (VIR_DOMAIN_CHECKPOINT_LIST_LEAVES | VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES)

/* ---- The tree ---- */

static virDomainCheckpointDef *
testChkDef(const virDomainMoment *chk)
{
    return chk->def;
}

/* ---- Creation ---- */

/* Empty and read-only disks take no bitmap. */
static bool
testCheckpointDiskUnusable(const virDomainDef *dom, size_t idx)
{
    return dom->devices->disks[idx]->src->readonly ||
           virStorageSourceIsEmpty(dom->devices->disks[idx]->src);
}

/* A bitmap named after the checkpoint for every disk lacking one. */
static void
testCheckpointBitmapNames(virDomainCheckpointDef *def)
{
    size_t i;

    for (i = 0; i < def->ndisks; i++) {
        virDomainCheckpointDiskDef *disk = &def->disks[i];

        if (disk->type == VIR_DOMAIN_CHECKPOINT_TYPE_BITMAP && !disk->bitmap)
            disk->bitmap = g_strdup(def->name);
    }
}

/* Empty and read-only disks can only be left out. */
static int
testCheckpointDiskCheck(void *entry, const virDomainDef *dom, size_t idx,
                        void *opaque G_GNUC_UNUSED)
{
    virDomainCheckpointDiskDef *disk = entry;

    if (testCheckpointDiskUnusable(dom, idx) &&
        disk->type != VIR_DOMAIN_CHECKPOINT_TYPE_NONE) {
        testCheckpointConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                                "disk '%s' is empty or readonly", disk->name);
        return -1;
    }
    return 0;
}

/* One entry per domain disk, in the domain's order.  Without <disks>,
 * every writable disk gets a bitmap; with it, the others none. */
static int
testCheckpointAlignDisks(virDomainCheckpointDef *def)
{
    const virDomainDef *dom = def->dom;
    virDomainCheckpointType dflt = VIR_DOMAIN_CHECKPOINT_TYPE_NONE;
    g_autofree int *requested = NULL;
    virDomainCheckpointDiskDef *disks;
    size_t ndom;
    size_t i;

    if (!(requested = testMomentDiskMatch(&testCheckpointKind, dom,
                                          def->disks, def->ndisks,
                                          sizeof(*def->disks),
                                          testCheckpointDiskCheck, NULL)))
        return -1;
    /* with no disk, none was named */
    ndom = dom->devices->ndisks;
    if (!ndom) {
        testCheckpointConfError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                                "domain must have at least one disk to perform checkpoints");
        return -1;
    }
    if (!def->ndisks)
        dflt = VIR_DOMAIN_CHECKPOINT_TYPE_BITMAP;

    disks = g_new0(virDomainCheckpointDiskDef, ndom);
    for (i = 0; i < ndom; i++) {
        const virDomainDiskDef *domdisk = dom->devices->disks[i];

        if (requested[i] >= 0) {
            disks[i] = def->disks[requested[i]];
            continue;
        }
        disks[i].name = g_strdup(domdisk->dst);
        disks[i].type = testCheckpointDiskUnusable(dom, i) ?
                        VIR_DOMAIN_CHECKPOINT_TYPE_NONE : dflt;
    }
    g_free(def->disks);
    def->disks = disks;
    def->ndisks = ndom;
    testCheckpointBitmapNames(def);
    return 0;
}

/* Checks a redefinition against vm; *update_current is set when it
 * should become current (its parent is current, or none is). */
static int
testCheckpointPrepareRedefine(virDomainObj *vm, virDomainCheckpointDef *def,
                              bool *update_current)
{
    virDomainMoment *current = virDomainMomentListGetCurrent(vm->checkpoints);
    virDomainMoment *parent;

    if (virDomainMomentListCheckCycles(vm->checkpoints, def->name,
                                       def->parent_name) < 0)
        return -1;
    if (testMomentCheckDomain(&testCheckpointKind, vm, def->name,
                              def->dom) < 0)
        return -1;
    if (def->dom) {
        if (testCheckpointAlignDisks(def) < 0)
            return -1;
    } else {
        testCheckpointBitmapNames(def);
    }
    parent = virDomainMomentListFind(vm->checkpoints, def->parent_name);
    if ((parent && parent == current) || !current)
        *update_current = true;
    return 0;
}

static virDomainCheckpointPtr
testDomainCheckpointCreateXML(virDomainPtr domain, const char *xmlDesc,
                              unsigned int flags)
{
    bool redefine = !!(flags & VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE);
    bool update_current = !redefine;
    unsigned int parseFlags;
    g_autoptr(virDomainObj) vm = NULL;
    g_autoptr(virDomainCheckpointDef) def = NULL;
    virDomainMomentList *list;
    virDomainMoment *chk;
    virDomainMoment *current;
    virDomainCheckpointPtr checkpoint;

    virCheckFlags(VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE |
                  VIR_DOMAIN_CHECKPOINT_CREATE_QUIESCE, NULL);

    if (!(vm = testDomObjFromDomain(domain)))
        return NULL;
    if (virDomainMomentListSize(vm->snapshots) > 0) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "cannot create checkpoint while snapshot exists");
        return NULL;
    }
    if (!virDomainObjIsActive(vm)) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "cannot create checkpoint for inactive domain");
        return NULL;
    }
    /* upstream always validates checkpoint documents */
    parseFlags = VIR_DOMAIN_CHECKPOINT_PARSE_VALIDATE;
    if (redefine)
        parseFlags |= VIR_DOMAIN_CHECKPOINT_PARSE_REDEFINE;
    if (!(def = virDomainCheckpointDefParseString(xmlDesc,
                                                  testDriverDomainXMLOption(),
                                                  parseFlags)))
        return NULL;
    list = testMomentList(vm, &testCheckpointKind);

    if (redefine) {
        virDomainMoment *other;

        if (testCheckpointPrepareRedefine(vm, def, &update_current) < 0)
            return NULL;
        /* the old one's children stay with the new definition */
        other = virDomainMomentListFind(list, def->name);
        if (!(chk = testMomentStore(list, &testCheckpointKind, other,
                                    g_steal_pointer(&def))))
            return NULL;
    } else {
        if (!(def->dom = testMomentDomainCopy(vm->def)) ||
            testCheckpointAlignDisks(def) < 0)
            return NULL;
        if (!(chk = testMomentStore(list, &testCheckpointKind, NULL,
                                    g_steal_pointer(&def))))
            return NULL;
    }

    if ((current = virDomainMomentListGetCurrent(list))) {
        /* a new checkpoint follows the current one */
        if (!redefine)
            testChkDef(chk)->parent_name =
                g_strdup(testChkDef(current)->name);
        if (update_current)
            virDomainMomentListSetCurrent(list, NULL);
    }

    if (!(checkpoint = virGetDomainCheckpoint(domain, testChkDef(chk)->name))) {
        virDomainMomentListRemove(list, chk);
        return NULL;
    }
    if (update_current)
        virDomainMomentListSetCurrent(list, chk);
    virDomainMomentListLink(list, chk);
    return checkpoint;
}

/* ---- Lists and lookups ---- */

static int
testDomainListAllCheckpoints(virDomainPtr domain,
                             virDomainCheckpointPtr **chks,
                             unsigned int flags)
{
    virCheckFlags(VIR_DOMAIN_CHECKPOINT_LIST_ROOTS |
                  VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL |
                  TEST_CHECKPOINT_FILTERS_ALL, -1);
    return testMomentListAll(domain, NULL, &testCheckpointKind, flags,
                             (virObject ***)chks);
}

static int
testDomainCheckpointListAllChildren(virDomainCheckpointPtr checkpoint,
                                    virDomainCheckpointPtr **chks,
                                    unsigned int flags)
{
    virCheckFlags(VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS |
                  VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL |
                  TEST_CHECKPOINT_FILTERS_ALL, -1);
    return testMomentListAll(checkpoint->domain, checkpoint->name,
                             &testCheckpointKind, flags, (virObject ***)chks);
}

static virDomainCheckpointPtr
testDomainCheckpointLookupByName(virDomainPtr domain, const char *name,
                                 unsigned int flags)
{
    virCheckFlags(0, NULL);
    return (virDomainCheckpointPtr)testMomentLookup(domain, name,
                                                    &testCheckpointKind);
}

static virDomainCheckpointPtr
testDomainCheckpointGetParent(virDomainCheckpointPtr checkpoint,
                              unsigned int flags)
{
    virCheckFlags(0, NULL);
    return (virDomainCheckpointPtr)testMomentParent(checkpoint->domain,
                                                    checkpoint->name,
                                                    &testCheckpointKind);
}

static char *
testDomainCheckpointGetXMLDesc(virDomainCheckpointPtr checkpoint,
                               unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainMoment *chk;
    unsigned int formatFlags = 0;

    virCheckFlags(VIR_DOMAIN_CHECKPOINT_XML_SECURE |
                  VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN |
                  VIR_DOMAIN_CHECKPOINT_XML_SIZE, NULL);
    if (!(vm = testMomentObj(checkpoint->domain, checkpoint->name,
                             &testCheckpointKind, &chk)))
        return NULL;
    /* Sizes need a running domain; upstream's test driver then reports
     * none, and so do we. */
    if ((flags & VIR_DOMAIN_CHECKPOINT_XML_SIZE) &&
        virDomainObjCheckActive(vm) < 0)
        return NULL;
    if (flags & VIR_DOMAIN_CHECKPOINT_XML_SECURE)
        formatFlags |= VIR_DOMAIN_CHECKPOINT_FORMAT_SECURE;
    if (flags & VIR_DOMAIN_CHECKPOINT_XML_NO_DOMAIN)
        formatFlags |= VIR_DOMAIN_CHECKPOINT_FORMAT_NO_DOMAIN;
    return virDomainCheckpointDefFormat(testChkDef(chk), formatFlags);
}

/* ---- Delete ---- */

static int
testDomainCheckpointDelete(virDomainCheckpointPtr checkpoint,
                           unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainMoment *chk;

    virCheckFlags(VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN |
                  VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY |
                  VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY, -1);
    if (!(vm = testMomentObj(checkpoint->domain, checkpoint->name,
                             &testCheckpointKind, &chk)))
        return -1;
    testMomentDelete(vm->checkpoints, chk,
                     flags & VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN,
                     flags & VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY);
    return 0;
}

void
testDomainCheckpointSlots(virHypervisorDriver *hv)
{
    hv->domainCheckpointCreateXML = testDomainCheckpointCreateXML;
    hv->domainCheckpointGetXMLDesc = testDomainCheckpointGetXMLDesc;
    hv->domainListAllCheckpoints = testDomainListAllCheckpoints;
    hv->domainCheckpointListAllChildren = testDomainCheckpointListAllChildren;
    hv->domainCheckpointLookupByName = testDomainCheckpointLookupByName;
    hv->domainCheckpointGetParent = testDomainCheckpointGetParent;
    hv->domainCheckpointDelete = testDomainCheckpointDelete;
}
