/*
 * test_checkpoint.c: domain checkpoints.
 *
 * A checkpoint marks where an incremental backup of a running domain's
 * disks would start; the test driver keeps the tree of them (parents,
 * current one) as upstream's does, with nothing to record on the disks.
 * The tree lives in the domain object (vm->checkpoints) under its lock.
 * A domain has either snapshots or checkpoints, never both.
 */
#include "test_driver.h"
#include "test_xmlopt.h"
#include "conf/checkpoint_conf.h"
#include "conf/domain_devices.h"
#include "conf/domain_disk.h"
#include "conf/virdomainmomentlist.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* The document's own checks report in the checkpoint error domain. */
#define testCheckpointConfError(code, ...) \
    virReportErrorHelper(VIR_FROM_DOMAIN_CHECKPOINT, code, __FILE__, \
                         __func__, __LINE__, __VA_ARGS__)

#define TEST_CHECKPOINT_FILTERS_ALL \
    (VIR_DOMAIN_CHECKPOINT_LIST_LEAVES | VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES)

/* ---- The tree ---- */

static const char *
testCheckpointDefName(const void *def)
{
    return ((const virDomainCheckpointDef *)def)->name;
}

static char **
testCheckpointDefParentName(void *def)
{
    return &((virDomainCheckpointDef *)def)->parent_name;
}

static void
testCheckpointDefFree(void *def)
{
    virDomainCheckpointDefFree(def);
}

static const virDomainMomentDefOps testCheckpointOps = {
    .name = testCheckpointDefName,
    .parentName = testCheckpointDefParentName,
    .free = testCheckpointDefFree,
};

static virDomainMomentList *
testCheckpointList(virDomainObj *vm)
{
    if (!vm->checkpoints)
        vm->checkpoints = virDomainMomentListNew(&testCheckpointOps);
    return vm->checkpoints;
}

static virDomainCheckpointDef *
testChkDef(const virDomainMoment *chk)
{
    return chk->def;
}

static virDomainMoment *
testCheckpointObjFromName(virDomainObj *vm, const char *name)
{
    virDomainMoment *chk = virDomainMomentListFind(vm->checkpoints, name);

    if (!chk)
        virReportError(VIR_ERR_NO_DOMAIN_CHECKPOINT,
                       "no domain checkpoint with matching name '%s'", name);
    return chk;
}

/* ---- Creation ---- */

/* Empty and read-only disks take no bitmap. */
static bool
testCheckpointDiskUnusable(const virDomainDef *dom, size_t idx)
{
    return dom->devices->disks[idx]->src->readonly ||
           testDomainDiskIsEmpty(dom, idx);
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

    if (!dom) {
        testCheckpointConfError(VIR_ERR_INTERNAL_ERROR, "%s",
                                "missing domain in checkpoint");
        return -1;
    }
    ndom = dom->devices->ndisks;
    if (def->ndisks > ndom) {
        testCheckpointConfError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                                "too many disk checkpoint requests for domain");
        return -1;
    }
    if (!ndom) {
        testCheckpointConfError(VIR_ERR_CONFIG_UNSUPPORTED, "%s",
                                "domain must have at least one disk to perform checkpoints");
        return -1;
    }
    if (!def->ndisks)
        dflt = VIR_DOMAIN_CHECKPOINT_TYPE_BITMAP;

    requested = g_new(int, ndom);
    for (i = 0; i < ndom; i++)
        requested[i] = -1;
    for (i = 0; i < def->ndisks; i++) {
        virDomainCheckpointDiskDef *disk = &def->disks[i];
        int idx = virDomainDiskIndexByName(dom, disk->name, false);
        const virDomainDiskDef *domdisk;

        if (idx < 0) {
            testCheckpointConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                                    "no disk named '%s'", disk->name);
            return -1;
        }
        domdisk = dom->devices->disks[idx];
        if (requested[idx] >= 0) {
            testCheckpointConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                                    "disk '%s' specified twice", disk->name);
            return -1;
        }
        requested[idx] = i;
        if (testCheckpointDiskUnusable(dom, idx) &&
            disk->type != VIR_DOMAIN_CHECKPOINT_TYPE_NONE) {
            testCheckpointConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                                    "disk '%s' is empty or readonly",
                                    disk->name);
            return -1;
        }
        if (STRNEQ(disk->name, domdisk->dst)) {
            g_free(disk->name);
            disk->name = g_strdup(domdisk->dst);
        }
    }

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
    if (def->dom) {
        if (memcmp(def->dom->uuid, vm->def->uuid, VIR_UUID_BUFLEN)) {
            char uuidstr[VIR_UUID_STRING_BUFLEN];

            testCheckpointConfError(VIR_ERR_INVALID_ARG,
                                    "definition for checkpoint %s must use uuid %s",
                                    def->name,
                                    virUUIDFormat(vm->def->uuid, uuidstr));
            return -1;
        }
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
    list = testCheckpointList(vm);

    if (redefine) {
        virDomainMoment *other;

        if (testCheckpointPrepareRedefine(vm, def, &update_current) < 0)
            return NULL;
        if ((other = virDomainMomentListFind(list, def->name))) {
            /* the old one's children stay with the new definition */
            virDomainMomentListReplaceDef(list, other, g_steal_pointer(&def));
            chk = other;
        } else {
            if (!(chk = virDomainMomentListAdd(list, def)))
                return NULL;
            def = NULL;
        }
    } else {
        if (!(def->dom = testMomentDomainCopy(vm->def)) ||
            testCheckpointAlignDisks(def) < 0)
            return NULL;
        if (!(chk = virDomainMomentListAdd(list, def)))
            return NULL;
        def = NULL;
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
testCheckpointExport(virDomainObj *vm, virDomainMoment *from,
                     virDomainPtr dom, virDomainCheckpointPtr **out,
                     unsigned int flags)
{
    g_autofree virDomainMoment **chks = NULL;
    virDomainCheckpointPtr *list;
    unsigned int treeFlags = 0;
    size_t n;
    size_t i;

    if (flags & VIR_DOMAIN_CHECKPOINT_LIST_ROOTS)
        treeFlags |= VIR_DOMAIN_MOMENT_COLLECT_ROOTS;
    if (flags & VIR_DOMAIN_CHECKPOINT_LIST_LEAVES)
        treeFlags |= VIR_DOMAIN_MOMENT_COLLECT_LEAVES;
    if (flags & VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES)
        treeFlags |= VIR_DOMAIN_MOMENT_COLLECT_NO_LEAVES;
    chks = virDomainMomentListCollect(vm->checkpoints, from, treeFlags,
                                      NULL, NULL, &n);
    if (!out)
        return n;
    list = g_new0(virDomainCheckpointPtr, n + 1);
    for (i = 0; i < n; i++) {
        if (!(list[i] = virGetDomainCheckpoint(dom,
                                               testChkDef(chks[i])->name))) {
            while (i-- > 0)
                virObjectUnref(list[i]);
            g_free(list);
            return -1;
        }
    }
    *out = list;
    return n;
}

static int
testDomainListAllCheckpoints(virDomainPtr domain,
                             virDomainCheckpointPtr **chks,
                             unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(VIR_DOMAIN_CHECKPOINT_LIST_ROOTS |
                  VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL |
                  TEST_CHECKPOINT_FILTERS_ALL, -1);
    if (!(vm = testDomObjFromDomain(domain)))
        return -1;
    return testCheckpointExport(vm, NULL, domain, chks, flags);
}

static int
testDomainCheckpointListAllChildren(virDomainCheckpointPtr checkpoint,
                                    virDomainCheckpointPtr **chks,
                                    unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainMoment *chk;

    virCheckFlags(VIR_DOMAIN_CHECKPOINT_LIST_DESCENDANTS |
                  VIR_DOMAIN_CHECKPOINT_LIST_TOPOLOGICAL |
                  TEST_CHECKPOINT_FILTERS_ALL, -1);
    if (!(vm = testDomObjFromDomain(checkpoint->domain)) ||
        !(chk = testCheckpointObjFromName(vm, checkpoint->name)))
        return -1;
    return testCheckpointExport(vm, chk, checkpoint->domain, chks, flags);
}

static virDomainCheckpointPtr
testDomainCheckpointLookupByName(virDomainPtr domain, const char *name,
                                 unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainMoment *chk;

    virCheckFlags(0, NULL);
    if (!(vm = testDomObjFromDomain(domain)) ||
        !(chk = testCheckpointObjFromName(vm, name)))
        return NULL;
    return virGetDomainCheckpoint(domain, testChkDef(chk)->name);
}

static virDomainCheckpointPtr
testDomainCheckpointGetParent(virDomainCheckpointPtr checkpoint,
                              unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainMoment *chk;
    virDomainCheckpointDef *def;

    virCheckFlags(0, NULL);
    if (!(vm = testDomObjFromDomain(checkpoint->domain)) ||
        !(chk = testCheckpointObjFromName(vm, checkpoint->name)))
        return NULL;
    def = testChkDef(chk);
    if (!def->parent_name) {
        virReportError(VIR_ERR_NO_DOMAIN_CHECKPOINT,
                       "checkpoint '%s' does not have a parent", def->name);
        return NULL;
    }
    return virGetDomainCheckpoint(checkpoint->domain, def->parent_name);
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
    if (!(vm = testDomObjFromDomain(checkpoint->domain)) ||
        !(chk = testCheckpointObjFromName(vm, checkpoint->name)))
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
    virDomainMomentList *list;
    virDomainMoment *chk;

    virCheckFlags(VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN |
                  VIR_DOMAIN_CHECKPOINT_DELETE_METADATA_ONLY |
                  VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY, -1);
    if (!(vm = testDomObjFromDomain(checkpoint->domain)) ||
        !(chk = testCheckpointObjFromName(vm, checkpoint->name)))
        return -1;
    list = vm->checkpoints;

    if (flags & (VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN |
                 VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY)) {
        if (virDomainMomentListRemoveDescendants(list, chk))
            virDomainMomentListSetCurrent(list, chk);
    } else {
        virDomainMomentListMoveChildren(list, chk, chk->parent);
    }

    if (!(flags & VIR_DOMAIN_CHECKPOINT_DELETE_CHILDREN_ONLY)) {
        virDomainMomentUnlink(chk);
        if (chk == virDomainMomentListGetCurrent(list))
            virDomainMomentListSetCurrent(list,
                virDomainMomentListFind(list, testChkDef(chk)->parent_name));
        virDomainMomentListRemove(list, chk);
    }
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
