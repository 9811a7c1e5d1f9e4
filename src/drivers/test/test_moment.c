/*
 * test_moment.c: the parts of snapshots and checkpoints that are the same
 * for both kinds (see test_moment.h); test_snapshot.c and
 * test_checkpoint.c keep what differs: the documents, creation, and
 * snapshot filters and revert.
 */
#include "test_moment.h"
#include "conf/checkpoint_conf.h"
#include "conf/domain_devices.h"
#include "conf/domain_disk.h"
#include "conf/snapshot_conf.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_TEST

#define testMomentConfError(kind, code, ...) \
    virReportErrorHelper((kind)->confDomain, code, __FILE__, __func__, \
                         __LINE__, __VA_ARGS__)

/* testMomentDiskMatch finds the names there. */
G_STATIC_ASSERT(offsetof(virDomainSnapshotDiskDef, name) == 0);
G_STATIC_ASSERT(offsetof(virDomainCheckpointDiskDef, name) == 0);

static void
testSnapshotDefFree(void *def)
{
    virDomainSnapshotDefFree(def);
}

static virObject *
testSnapshotGet(virDomainPtr dom, const char *name)
{
    return (virObject *)virGetDomainSnapshot(dom, name);
}

const testMomentKind testSnapshotKind = {
    .noun = "snapshot",
    .noMoment = VIR_ERR_NO_DOMAIN_SNAPSHOT,
    .confDomain = VIR_FROM_DOMAIN_SNAPSHOT,
    .ops = {
        .nameOffset = offsetof(virDomainSnapshotDef, name),
        .parentNameOffset = offsetof(virDomainSnapshotDef, parent_name),
        .free = testSnapshotDefFree,
    },
    .listOffset = offsetof(virDomainObj, snapshots),
    .get = testSnapshotGet,
    .collect = testSnapshotCollect,
    .roots = VIR_DOMAIN_SNAPSHOT_LIST_ROOTS,
    .leaves = VIR_DOMAIN_SNAPSHOT_LIST_LEAVES,
    .noLeaves = VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES,
};

static void
testCheckpointDefFree(void *def)
{
    virDomainCheckpointDefFree(def);
}

static virObject *
testCheckpointGet(virDomainPtr dom, const char *name)
{
    return (virObject *)virGetDomainCheckpoint(dom, name);
}

const testMomentKind testCheckpointKind = {
    .noun = "checkpoint",
    .noMoment = VIR_ERR_NO_DOMAIN_CHECKPOINT,
    .confDomain = VIR_FROM_DOMAIN_CHECKPOINT,
    .ops = {
        .nameOffset = offsetof(virDomainCheckpointDef, name),
        .parentNameOffset = offsetof(virDomainCheckpointDef, parent_name),
        .free = testCheckpointDefFree,
    },
    .listOffset = offsetof(virDomainObj, checkpoints),
    .get = testCheckpointGet,
    .roots = VIR_DOMAIN_CHECKPOINT_LIST_ROOTS,
    .leaves = VIR_DOMAIN_CHECKPOINT_LIST_LEAVES,
    .noLeaves = VIR_DOMAIN_CHECKPOINT_LIST_NO_LEAVES,
};

static virDomainMomentList **
testMomentListSlot(virDomainObj *vm, const testMomentKind *kind)
{
    return (virDomainMomentList **)((char *)vm + kind->listOffset);
}

virDomainMomentList *
testMomentList(virDomainObj *vm, const testMomentKind *kind)
{
    virDomainMomentList **slot = testMomentListSlot(vm, kind);

    if (!*slot)
        *slot = virDomainMomentListNew(&kind->ops);
    return *slot;
}

/* The moment name of vm, or NULL with upstream's error. */
static virDomainMoment *
testMomentFind(virDomainObj *vm, const testMomentKind *kind,
               const char *name)
{
    virDomainMoment *moment;

    moment = virDomainMomentListFind(*testMomentListSlot(vm, kind), name);
    if (!moment)
        virReportError(kind->noMoment,
                       "no domain %s with matching name '%s'", kind->noun,
                       name);
    return moment;
}

virDomainObj *
testMomentObj(virDomainPtr dom, const char *name, const testMomentKind *kind,
              virDomainMoment **moment)
{
    virDomainObj *vm = testDomObjFromDomain(dom);

    if (vm && !(*moment = testMomentFind(vm, kind, name)))
        virDomainObjEndAPI(&vm);
    return vm;
}

virDomainMoment **
testMomentCollect(virDomainObj *vm, const testMomentKind *kind,
                  virDomainMoment *from, unsigned int flags,
                  virDomainMomentFilter filter, void *opaque, size_t *count)
{
    unsigned int treeFlags = 0;

    /* ROOTS and DESCENDANTS share their value, in both kinds */
    if (flags & kind->roots)
        treeFlags |= VIR_DOMAIN_MOMENT_COLLECT_ROOTS;
    /* both LEAVES and NO_LEAVES keep nothing, as upstream */
    if (flags & kind->leaves)
        treeFlags |= VIR_DOMAIN_MOMENT_COLLECT_LEAVES;
    if (flags & kind->noLeaves)
        treeFlags |= VIR_DOMAIN_MOMENT_COLLECT_NO_LEAVES;
    return virDomainMomentListCollect(*testMomentListSlot(vm, kind), from,
                                      treeFlags, filter, opaque, count);
}

/* The moments a list call selects (see testMomentNum), with their domain
 * in *vm; NULL with the error reported. */
static virDomainMoment **
testMomentSelect(virDomainPtr dom, const char *from,
                 const testMomentKind *kind, unsigned int flags,
                 virDomainObj **vm, size_t *count)
{
    virDomainMoment *top = NULL;

    if (from)
        *vm = testMomentObj(dom, from, kind, &top);
    else
        *vm = testDomObjFromDomain(dom);
    if (!*vm)
        return NULL;
    if (kind->collect)
        return kind->collect(*vm, top, flags, count);
    return testMomentCollect(*vm, kind, top, flags, NULL, NULL, count);
}

int
testMomentNum(virDomainPtr dom, const char *from, const testMomentKind *kind,
              unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    g_autofree virDomainMoment **moments = NULL;
    size_t n;

    if (!(moments = testMomentSelect(dom, from, kind, flags, &vm, &n)))
        return -1;
    return n;
}

int
testMomentNames(virDomainPtr dom, const char *from,
                const testMomentKind *kind, unsigned int flags,
                char **names, int nameslen)
{
    g_autoptr(virDomainObj) vm = NULL;
    g_autofree virDomainMoment **moments = NULL;
    size_t n;
    size_t i;

    if (!(moments = testMomentSelect(dom, from, kind, flags, &vm, &n)))
        return -1;
    for (i = 0; i < n && i < (size_t)nameslen; i++)
        names[i] = g_strdup(virDomainMomentName(*testMomentListSlot(vm, kind),
                                                moments[i]));
    return i;
}

int
testMomentListAll(virDomainPtr dom, const char *from,
                  const testMomentKind *kind, unsigned int flags,
                  virObject ***out)
{
    g_autoptr(virDomainObj) vm = NULL;
    g_autofree virDomainMoment **moments = NULL;
    virDomainMomentList *tree;
    virObject **list;
    size_t n;
    size_t i;

    if (!(moments = testMomentSelect(dom, from, kind, flags, &vm, &n)))
        return -1;
    if (!out)
        return n;
    tree = *testMomentListSlot(vm, kind);
    list = g_new0(virObject *, n + 1);
    for (i = 0; i < n; i++) {
        if (!(list[i] = kind->get(dom, virDomainMomentName(tree,
                                                           moments[i])))) {
            while (i-- > 0)
                virObjectUnref(list[i]);
            g_free(list);
            return -1;
        }
    }
    *out = list;
    return n;
}

virDomainMoment *
testMomentStore(virDomainMomentList *list, const testMomentKind *kind,
                virDomainMoment *other, void *def)
{
    virDomainMoment *moment;

    if (other) {
        virDomainMomentListReplaceDef(list, other, def);
        return other;
    }
    if (!(moment = virDomainMomentListAdd(list, def)))
        kind->ops.free(def);
    return moment;
}

void
testMomentDelete(virDomainMomentList *list, virDomainMoment *moment,
                 bool children, bool childrenOnly)
{
    if (children || childrenOnly) {
        /* the current one among the children passes to moment */
        if (virDomainMomentListRemoveDescendants(list, moment))
            virDomainMomentListSetCurrent(list, moment);
    } else {
        virDomainMomentListMoveChildren(list, moment, moment->parent);
    }

    if (!childrenOnly) {
        virDomainMomentUnlink(moment);
        if (moment == virDomainMomentListGetCurrent(list))
            virDomainMomentListSetCurrent(list,
                virDomainMomentListFind(list,
                    virDomainMomentParentName(list, moment)));
        virDomainMomentListRemove(list, moment);
    }
}

virObject *
testMomentLookup(virDomainPtr dom, const char *name,
                 const testMomentKind *kind)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainMoment *moment;

    if (!(vm = testMomentObj(dom, name, kind, &moment)))
        return NULL;
    return kind->get(dom, virDomainMomentName(*testMomentListSlot(vm, kind),
                                              moment));
}

virObject *
testMomentParent(virDomainPtr dom, const char *name,
                 const testMomentKind *kind)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainMomentList *list;
    virDomainMoment *moment;
    const char *parent;

    if (!(vm = testMomentObj(dom, name, kind, &moment)))
        return NULL;
    list = *testMomentListSlot(vm, kind);
    if (!(parent = virDomainMomentParentName(list, moment))) {
        virReportError(kind->noMoment, "%s '%s' does not have a parent",
                       kind->noun, virDomainMomentName(list, moment));
        return NULL;
    }
    return kind->get(dom, parent);
}

int *
testMomentDiskMatch(const testMomentKind *kind, const virDomainDef *dom,
                    void *disks, size_t ndisks, size_t size,
                    testMomentDiskCheck check, void *opaque)
{
    g_autofree int *requested = NULL;
    size_t ndom;
    size_t i;

    if (!dom) {
        testMomentConfError(kind, VIR_ERR_INTERNAL_ERROR,
                            "missing domain in %s", kind->noun);
        return NULL;
    }
    ndom = dom->devices->ndisks;
    if (ndisks > ndom) {
        testMomentConfError(kind, VIR_ERR_CONFIG_UNSUPPORTED,
                            "too many disk %s requests for domain",
                            kind->noun);
        return NULL;
    }

    requested = g_new(int, MAX(ndom, 1));
    for (i = 0; i < ndom; i++)
        requested[i] = -1;
    for (i = 0; i < ndisks; i++) {
        void *disk = (char *)disks + i * size;
        char **name = disk;
        int idx = virDomainDiskIndexByName(dom, *name, false);
        const virDomainDiskDef *domdisk;

        if (idx < 0) {
            testMomentConfError(kind, VIR_ERR_CONFIG_UNSUPPORTED,
                                "no disk named '%s'", *name);
            return NULL;
        }
        domdisk = dom->devices->disks[idx];
        if (requested[idx] >= 0) {
            testMomentConfError(kind, VIR_ERR_CONFIG_UNSUPPORTED,
                                "disk '%s' specified twice", *name);
            return NULL;
        }
        requested[idx] = i;
        if (check(disk, dom, idx, opaque) < 0)
            return NULL;
        if (STRNEQ(*name, domdisk->dst)) {
            g_free(*name);
            *name = g_strdup(domdisk->dst);
        }
    }
    return g_steal_pointer(&requested);
}

int
testMomentCheckDomain(const testMomentKind *kind, virDomainObj *vm,
                      const char *name, const virDomainDef *dom)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    if (!dom || memcmp(dom->uuid, vm->def->uuid, VIR_UUID_BUFLEN) == 0)
        return 0;
    testMomentConfError(kind, VIR_ERR_INVALID_ARG,
                        "definition for %s %s must use uuid %s", kind->noun,
                        name, virUUIDFormat(vm->def->uuid, uuidstr));
    return -1;
}
