/*
 * test_snapshot.c: domain snapshots: the tree of parents, current snapshot,
 * revert and delete.
 *
 * As upstream's test driver, a snapshot saves nothing: it records the
 * domain's definition and state of the moment, and reverting puts them
 * back with the lifecycle events a real revert would send.  The tree lives
 * in the domain object (vm->snapshots) under the domain's lock.
 */
#include <sys/stat.h>

#include "test_moment.h"
#include "test_xmlopt.h"
#include "conf/domain_devices.h"
#include "conf/domain_disk.h"
#include "conf/domain_memdev.h"
#include "conf/domain_memory.h"
#include "conf/domain_namespace.h"
#include "conf/domain_os.h"
#include "conf/domain_vcpu.h"
#include "conf/snapshot_conf.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* The document's own checks report in the snapshot error domain. */
#define testSnapshotConfError(code, ...) \
    virReportErrorHelper(VIR_FROM_DOMAIN_SNAPSHOT, code, __FILE__, __func__, \
                         __LINE__, __VA_ARGS__)

#define TEST_SNAPSHOT_FILTERS_METADATA \
    (VIR_DOMAIN_SNAPSHOT_LIST_METADATA | VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA)
#define TEST_SNAPSHOT_FILTERS_LEAVES \
    (VIR_DOMAIN_SNAPSHOT_LIST_LEAVES | VIR_DOMAIN_SNAPSHOT_LIST_NO_LEAVES)
#define TEST_SNAPSHOT_FILTERS_STATUS \
    (VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE | VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE | \
     VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY)
#define TEST_SNAPSHOT_FILTERS_LOCATION \
    (VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL | VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL)
#define TEST_SNAPSHOT_FILTERS_ALL \
    (TEST_SNAPSHOT_FILTERS_METADATA | TEST_SNAPSHOT_FILTERS_LEAVES | \
     TEST_SNAPSHOT_FILTERS_STATUS | TEST_SNAPSHOT_FILTERS_LOCATION)

/* ---- The tree ---- */

static virDomainSnapshotDef *
testSnapDef(const virDomainMoment *snap)
{
    return snap->def;
}

static bool
testSnapshotDefIsExternal(const virDomainSnapshotDef *def)
{
    size_t i;

    if (def->memory == VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL)
        return true;
    for (i = 0; i < def->ndisks; i++) {
        if (def->disks[i].snapshot == VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL)
            return true;
    }
    return false;
}

/* ---- Lists ---- */

/* The state and location groups of the list flags (a group with all its
 * flags given filters nothing). */
static bool
testSnapshotFilter(const virDomainMoment *snap, void *opaque)
{
    unsigned int flags = GPOINTER_TO_UINT(opaque);
    const virDomainSnapshotDef *def = testSnapDef(snap);

    if (flags & TEST_SNAPSHOT_FILTERS_STATUS) {
        if (!(flags & VIR_DOMAIN_SNAPSHOT_LIST_INACTIVE) &&
            def->state == VIR_DOMAIN_SNAPSHOT_SHUTOFF)
            return false;
        if (!(flags & VIR_DOMAIN_SNAPSHOT_LIST_DISK_ONLY) &&
            def->state == VIR_DOMAIN_SNAPSHOT_DISK_SNAPSHOT)
            return false;
        if (!(flags & VIR_DOMAIN_SNAPSHOT_LIST_ACTIVE) &&
            def->state != VIR_DOMAIN_SNAPSHOT_SHUTOFF &&
            def->state != VIR_DOMAIN_SNAPSHOT_DISK_SNAPSHOT)
            return false;
    }
    if ((flags & VIR_DOMAIN_SNAPSHOT_LIST_INTERNAL) &&
        testSnapshotDefIsExternal(def))
        return false;
    if ((flags & VIR_DOMAIN_SNAPSHOT_LIST_EXTERNAL) &&
        !testSnapshotDefIsExternal(def))
        return false;
    return true;
}

/* The snapshots of vm under from (NULL: all) that flags select. */
virDomainMoment **
testSnapshotCollect(virDomainObj *vm, virDomainMoment *from,
                    unsigned int flags, size_t *count)
{
    unsigned int filterFlags = flags & (TEST_SNAPSHOT_FILTERS_STATUS |
                                        TEST_SNAPSHOT_FILTERS_LOCATION);

    /* Every snapshot has metadata. */
    if ((flags & TEST_SNAPSHOT_FILTERS_METADATA) ==
        VIR_DOMAIN_SNAPSHOT_LIST_NO_METADATA) {
        *count = 0;
        return g_new0(virDomainMoment *, 1);
    }
    if ((filterFlags & TEST_SNAPSHOT_FILTERS_STATUS) ==
        TEST_SNAPSHOT_FILTERS_STATUS)
        filterFlags &= ~TEST_SNAPSHOT_FILTERS_STATUS;
    if ((filterFlags & TEST_SNAPSHOT_FILTERS_LOCATION) ==
        TEST_SNAPSHOT_FILTERS_LOCATION)
        filterFlags &= ~TEST_SNAPSHOT_FILTERS_LOCATION;

    return testMomentCollect(vm, &testSnapshotKind, from, flags,
                             filterFlags ? testSnapshotFilter : NULL,
                             GUINT_TO_POINTER(filterFlags), count);
}

#define TEST_SNAPSHOT_LIST_FLAGS \
    (VIR_DOMAIN_SNAPSHOT_LIST_ROOTS | VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL | \
     TEST_SNAPSHOT_FILTERS_ALL)
#define TEST_SNAPSHOT_CHILDREN_FLAGS \
    (VIR_DOMAIN_SNAPSHOT_LIST_DESCENDANTS | \
     VIR_DOMAIN_SNAPSHOT_LIST_TOPOLOGICAL | TEST_SNAPSHOT_FILTERS_ALL)

static int
testDomainSnapshotNum(virDomainPtr domain, unsigned int flags)
{
    virCheckFlags(TEST_SNAPSHOT_LIST_FLAGS, -1);
    return testMomentNum(domain, NULL, &testSnapshotKind, flags);
}

static int
testDomainSnapshotListNames(virDomainPtr domain, char **names, int nameslen,
                            unsigned int flags)
{
    virCheckFlags(TEST_SNAPSHOT_LIST_FLAGS, -1);
    return testMomentNames(domain, NULL, &testSnapshotKind, flags, names,
                           nameslen);
}

static int
testDomainListAllSnapshots(virDomainPtr domain, virDomainSnapshotPtr **snaps,
                           unsigned int flags)
{
    virCheckFlags(TEST_SNAPSHOT_LIST_FLAGS, -1);
    return testMomentListAll(domain, NULL, &testSnapshotKind, flags,
                             (virObject ***)snaps);
}

static int
testDomainSnapshotListChildrenNames(virDomainSnapshotPtr snapshot,
                                    char **names, int nameslen,
                                    unsigned int flags)
{
    virCheckFlags(TEST_SNAPSHOT_CHILDREN_FLAGS, -1);
    return testMomentNames(snapshot->domain, snapshot->name,
                           &testSnapshotKind, flags, names, nameslen);
}

static int
testDomainSnapshotNumChildren(virDomainSnapshotPtr snapshot,
                              unsigned int flags)
{
    virCheckFlags(TEST_SNAPSHOT_CHILDREN_FLAGS, -1);
    return testMomentNum(snapshot->domain, snapshot->name, &testSnapshotKind,
                         flags);
}

static int
testDomainSnapshotListAllChildren(virDomainSnapshotPtr snapshot,
                                  virDomainSnapshotPtr **snaps,
                                  unsigned int flags)
{
    virCheckFlags(TEST_SNAPSHOT_CHILDREN_FLAGS, -1);
    return testMomentListAll(snapshot->domain, snapshot->name,
                             &testSnapshotKind, flags, (virObject ***)snaps);
}

/* ---- Lookups ---- */

static virDomainSnapshotPtr
testDomainSnapshotLookupByName(virDomainPtr domain, const char *name,
                               unsigned int flags)
{
    virCheckFlags(0, NULL);
    return (virDomainSnapshotPtr)testMomentLookup(domain, name,
                                                  &testSnapshotKind);
}

static int
testDomainHasCurrentSnapshot(virDomainPtr domain, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(0, -1);
    if (!(vm = testDomObjFromDomain(domain)))
        return -1;
    return virDomainMomentListGetCurrent(vm->snapshots) != NULL;
}

static virDomainSnapshotPtr
testDomainSnapshotGetParent(virDomainSnapshotPtr snapshot, unsigned int flags)
{
    virCheckFlags(0, NULL);
    return (virDomainSnapshotPtr)testMomentParent(snapshot->domain,
                                                  snapshot->name,
                                                  &testSnapshotKind);
}

static virDomainSnapshotPtr
testDomainSnapshotCurrent(virDomainPtr domain, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainMoment *current;

    virCheckFlags(0, NULL);
    if (!(vm = testDomObjFromDomain(domain)))
        return NULL;
    if (!(current = virDomainMomentListGetCurrent(vm->snapshots))) {
        virReportError(VIR_ERR_NO_DOMAIN_SNAPSHOT, "%s",
                       "the domain does not have a current snapshot");
        return NULL;
    }
    return virGetDomainSnapshot(domain, testSnapDef(current)->name);
}

static char *
testDomainSnapshotGetXMLDesc(virDomainSnapshotPtr snapshot,
                             unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainMoment *snap;
    virDomainSnapshotDef *def;
    unsigned int formatFlags = 0;

    virCheckFlags(VIR_DOMAIN_SNAPSHOT_XML_SECURE, NULL);
    if (!(vm = testMomentObj(snapshot->domain, snapshot->name,
                             &testSnapshotKind, &snap)))
        return NULL;
    def = testSnapDef(snap);
    /* without a definition, the domain is named by its UUID */
    if (!def->dom) {
        char uuidstr[VIR_UUID_STRING_BUFLEN];

        g_free(def->domainUUID);
        def->domainUUID = g_strdup(virUUIDFormat(snapshot->domain->uuid,
                                                 uuidstr));
    }
    if (flags & VIR_DOMAIN_SNAPSHOT_XML_SECURE)
        formatFlags |= VIR_DOMAIN_SNAPSHOT_FORMAT_SECURE;
    return virDomainSnapshotDefFormat(def, formatFlags);
}

static int
testDomainSnapshotIsCurrent(virDomainSnapshotPtr snapshot, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainMoment *snap;

    virCheckFlags(0, -1);
    if (!(vm = testMomentObj(snapshot->domain, snapshot->name,
                             &testSnapshotKind, &snap)))
        return -1;
    return snap == virDomainMomentListGetCurrent(vm->snapshots);
}

static int
testDomainSnapshotHasMetadata(virDomainSnapshotPtr snapshot,
                              unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainMoment *snap G_GNUC_UNUSED;

    virCheckFlags(0, -1);
    if (!(vm = testMomentObj(snapshot->domain, snapshot->name,
                             &testSnapshotKind, &snap)))
        return -1;
    return 1;
}

/* ---- Creation ---- */

/* The definition a snapshot or checkpoint keeps of its domain, as a
 * migration would carry it. */
virDomainDef *
testMomentDomainCopy(const virDomainDef *def)
{
    g_autofree char *xml = NULL;

    if (!(xml = virDomainDefFormat(def, VIR_DOMAIN_DEF_FORMAT_SECURE |
                                        VIR_DOMAIN_DEF_FORMAT_INACTIVE |
                                        VIR_DOMAIN_DEF_FORMAT_MIGRATABLE)))
        return NULL;
    return virDomainDefParseString(xml, testDriverDomainXMLOption(),
                                   VIR_DOMAIN_DEF_PARSE_INACTIVE);
}

/* Names the new image of each external disk without one after the
 * domain disk's image, as upstream does. */
static int
testSnapshotExternalNames(virDomainSnapshotDef *def, const virDomainDef *dom)
{
    size_t i;
    size_t j;

    for (i = 0; i < def->ndisks; i++) {
        virDomainSnapshotDiskDef *disk = &def->disks[i];
        const char *orig = dom->devices->disks[i]->src->path;
        g_autofree char *base = NULL;
        char *dot;
        struct stat sb;

        if (disk->snapshot != VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL ||
            disk->src->path)
            continue;
        if (disk->src->type != VIR_STORAGE_TYPE_FILE) {
            testSnapshotConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                                  "cannot generate external snapshot name for disk '%s' on a '%s' device",
                                  disk->name,
                                  virStorageTypeToString(disk->src->type));
            return -1;
        }
        if (!orig) {
            testSnapshotConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                                  "cannot generate external snapshot name for disk '%s' without source",
                                  disk->name);
            return -1;
        }
        if (stat(orig, &sb) < 0 || !S_ISREG(sb.st_mode)) {
            testSnapshotConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                                  "source for disk '%s' is not a regular file; refusing to generate external snapshot name",
                                  disk->name);
            return -1;
        }
        base = g_strdup(orig);
        if ((dot = strrchr(base, '.')) && !strchr(dot, '/'))
            *dot = '\0';
        disk->src->path = g_strdup_printf("%s.%s", base, def->name);
        for (j = 0; j < i; j++) {
            if (STREQ_NULLABLE(disk->src->path, def->disks[j].src->path)) {
                testSnapshotConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                                      "cannot generate external snapshot name for disk '%s': collision with disk '%s'",
                                      disk->name, def->disks[j].name);
                return -1;
            }
        }
    }
    return 0;
}

/* A requested disk's snapshot mode: its own, or the domain disk's, or
 * *opaque (the default); every internal snapshot covers all disks (the
 * test driver cannot pick). */
static int
testSnapshotDiskCheck(void *entry, const virDomainDef *dom, size_t idx,
                      void *opaque)
{
    virDomainSnapshotDiskDef *disk = entry;
    const virDomainDiskDef *domdisk = dom->devices->disks[idx];
    virDomainSnapshotLocation dflt = *(virDomainSnapshotLocation *)opaque;
    bool requireMatch = dflt == VIR_DOMAIN_SNAPSHOT_LOCATION_INTERNAL;

    if (disk->snapshot == VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT) {
        if (domdisk->snapshot != VIR_DOMAIN_SNAPSHOT_LOCATION_DEFAULT &&
            (!requireMatch ||
             domdisk->snapshot == VIR_DOMAIN_SNAPSHOT_LOCATION_NO))
            disk->snapshot = domdisk->snapshot;
        else
            disk->snapshot = dflt;
    } else if (requireMatch && disk->snapshot != dflt &&
               !(disk->snapshot == VIR_DOMAIN_SNAPSHOT_LOCATION_NO &&
                 domdisk->snapshot == VIR_DOMAIN_SNAPSHOT_LOCATION_NO)) {
        testSnapshotConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                              "disk '%s' must use snapshot mode '%s'",
                              disk->name,
                              virDomainSnapshotLocationTypeToString(dflt));
        return -1;
    }
    if (disk->src->path &&
        disk->snapshot != VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL) {
        testSnapshotConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                              "file '%s' for disk '%s' requires use of external snapshot mode",
                              disk->src->path, disk->name);
        return -1;
    }
    return 0;
}

/* One entry per domain disk, in the domain's order: the requested ones
 * checked against the domain, the others with their defaults. */
static int
testSnapshotAlignDisks(virDomainSnapshotDef *def, const virDomainDef *dom,
                       virDomainSnapshotLocation dflt)
{
    g_autofree int *requested = NULL;
    virDomainSnapshotDiskDef *disks;
    size_t ndom;
    size_t i;

    if (!(requested = testMomentDiskMatch(&testSnapshotKind, dom,
                                          def->disks, def->ndisks,
                                          sizeof(*def->disks),
                                          testSnapshotDiskCheck, &dflt)))
        return -1;
    ndom = dom->devices->ndisks;
    if (!ndom)
        return 0;

    disks = g_new0(virDomainSnapshotDiskDef, ndom);
    for (i = 0; i < ndom; i++) {
        const virDomainDiskDef *domdisk = dom->devices->disks[i];

        if (requested[i] >= 0) {
            disks[i] = def->disks[requested[i]];
            continue;
        }
        disks[i].name = g_strdup(domdisk->dst);
        disks[i].src = virStorageSourceNew();
        disks[i].src->type = VIR_STORAGE_TYPE_FILE;
        /* empty drives are not snapshotted */
        if (virStorageSourceIsEmpty(dom->devices->disks[i]->src))
            disks[i].snapshot = VIR_DOMAIN_SNAPSHOT_LOCATION_NO;
        else
            disks[i].snapshot = domdisk->snapshot;
        if (!disks[i].snapshot)
            disks[i].snapshot = dflt;
    }
    g_free(def->disks);
    def->disks = disks;
    def->ndisks = ndom;

    return testSnapshotExternalNames(def, dom);
}

/* The state, memory and disks of a new snapshot of vm. */
static int
testSnapshotPrepareNew(virDomainObj *vm, virDomainSnapshotDef *def)
{
    virDomainSnapshotLocation align = VIR_DOMAIN_SNAPSHOT_LOCATION_INTERNAL;
    size_t i;

    for (i = 0; i < def->ndisks; i++) {
        if (def->disks[i].snapshot == VIR_DOMAIN_SNAPSHOT_LOCATION_MANUAL) {
            virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                           "'manual' snapshot mode is not supported by the test driver");
            return -1;
        }
    }
    def->state = virDomainObjGetState(vm, NULL);
    if (def->memory == VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL)
        align = VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL;
    else
        def->memory = def->state == VIR_DOMAIN_SNAPSHOT_SHUTOFF ?
                      VIR_DOMAIN_SNAPSHOT_LOCATION_NO :
                      VIR_DOMAIN_SNAPSHOT_LOCATION_INTERNAL;
    return testSnapshotAlignDisks(def, def->dom, align);
}

static bool
testSnapshotStateOnline(virDomainSnapshotState state)
{
    return state == VIR_DOMAIN_SNAPSHOT_RUNNING ||
           state == VIR_DOMAIN_SNAPSHOT_PAUSED;
}

static unsigned long long
testDomainMemoryInitial(const virDomainDef *def)
{
    unsigned long long mem = def->mem->total_memory;
    size_t i;

    for (i = 0; i < def->devices->nmems; i++)
        mem -= def->devices->mems[i]->size;
    return mem;
}

/* Whether a redefined snapshot's domain (dst) could stand for the one it
 * replaces (src): the first, top-level checks of upstream's ABI
 * stability comparison, in its order and words.  The per-device checks
 * are not made. */
static bool
testSnapshotDomainABIStable(const virDomainDef *src, const virDomainDef *dst)
{
    if (src->virtType != dst->virtType) {
        testDomainConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                            "Target domain virt type %s does not match source %s",
                            virDomainVirtTypeToString(dst->virtType),
                            virDomainVirtTypeToString(src->virtType));
        return false;
    }
    if (!STREQ_NULLABLE(src->name, dst->name)) {
        testDomainConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                            "Target domain name '%s' does not match source '%s'",
                            dst->name, src->name);
        return false;
    }
    if (testDomainMemoryInitial(src) != testDomainMemoryInitial(dst)) {
        testDomainConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                            "Target domain max memory %lld does not match source %lld",
                            (long long)testDomainMemoryInitial(dst),
                            (long long)testDomainMemoryInitial(src));
        return false;
    }
    if (src->mem->cur_balloon != dst->mem->cur_balloon) {
        testDomainConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                            "Target domain current memory %lld does not match source %lld",
                            (long long)dst->mem->cur_balloon,
                            (long long)src->mem->cur_balloon);
        return false;
    }
    if (src->mem->max_memory != dst->mem->max_memory) {
        testDomainConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                            "Target maximum memory size '%llu' doesn't match source '%llu'",
                            dst->mem->max_memory, src->mem->max_memory);
        return false;
    }
    if (src->mem->memory_slots != dst->mem->memory_slots) {
        testDomainConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                            "Target domain memory slots count '%u' doesn't match source '%u'",
                            dst->mem->memory_slots, src->mem->memory_slots);
        return false;
    }
    if (src->vcpu->maxvcpus != dst->vcpu->maxvcpus) {
        testDomainConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                            "Target domain vCPU max %zu does not match source %zu",
                            dst->vcpu->maxvcpus, src->vcpu->maxvcpus);
        return false;
    }
    if (src->os->type != dst->os->type) {
        testDomainConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                            "Target domain OS type %s does not match source %s",
                            virDomainOSTypeToString(dst->os->type),
                            virDomainOSTypeToString(src->os->type));
        return false;
    }
    if (src->os->arch != dst->os->arch) {
        testDomainConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                            "Target domain architecture %s does not match source %s",
                            virArchTypeToString(dst->os->arch),
                            virArchTypeToString(src->os->arch));
        return false;
    }
    if (!STREQ_NULLABLE(src->os->machine, dst->os->machine)) {
        testDomainConfError(VIR_ERR_CONFIG_UNSUPPORTED,
                            "Target domain machine type %s does not match source %s",
                            /* as glibc prints NULL */
                            dst->os->machine ? dst->os->machine : "(null)",
                            src->os->machine ? src->os->machine : "(null)");
        return false;
    }
    return true;
}

/* Checks a redefinition against vm and the snapshot it replaces (other,
 * or NULL) and completes its disks. */
static int
testSnapshotPrepareRedefine(virDomainObj *vm, virDomainSnapshotDef *def,
                            virDomainMoment *other)
{
    virDomainSnapshotDef *otherdef = other ? testSnapDef(other) : NULL;
    virDomainSnapshotLocation align = VIR_DOMAIN_SNAPSHOT_LOCATION_INTERNAL;

    if (testMomentCheckDomain(&testSnapshotKind, vm, def->name, def->dom) < 0)
        return -1;
    if (otherdef) {
        if (testSnapshotStateOnline(otherdef->state) !=
            testSnapshotStateOnline(def->state)) {
            testSnapshotConfError(VIR_ERR_INVALID_ARG,
                                  "cannot change between online and offline snapshot state in snapshot %s",
                                  def->name);
            return -1;
        }
        if ((otherdef->state == VIR_DOMAIN_SNAPSHOT_DISK_SNAPSHOT) !=
            (def->state == VIR_DOMAIN_SNAPSHOT_DISK_SNAPSHOT)) {
            testSnapshotConfError(VIR_ERR_INVALID_ARG,
                                  "cannot change between disk only and full system in snapshot %s",
                                  def->name);
            return -1;
        }
        if (otherdef->dom && def->dom &&
            !testSnapshotDomainABIStable(otherdef->dom, def->dom))
            return -1;
    }
    if (def->state == VIR_DOMAIN_SNAPSHOT_DISK_SNAPSHOT ||
        testSnapshotDefIsExternal(def))
        align = VIR_DOMAIN_SNAPSHOT_LOCATION_EXTERNAL;
    return testSnapshotAlignDisks(def, def->dom ? def->dom :
                                  otherdef ? otherdef->dom : NULL, align);
}

/* Stops vm for a snapshot (halt or revert); unlike a shutdown, a
 * transient domain stays, to be started again. */
static void
testSnapshotStopDomain(testDriver *driver, virDomainObj *vm, virDomainPtr dom)
{
    testDomainStopKeep(driver, vm, VIR_DOMAIN_SHUTOFF_FROM_SNAPSHOT);
    dom->id = -1;
    testDomainQueueLifecycle(driver, vm, VIR_DOMAIN_EVENT_STOPPED,
                             VIR_DOMAIN_EVENT_STOPPED_FROM_SNAPSHOT);
}

static virDomainSnapshotPtr
testDomainSnapshotCreateXML(virDomainPtr domain, const char *xmlDesc,
                            unsigned int flags)
{
    testDriver *driver = domain->conn->privateData;
    bool redefine = !!(flags & VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE);
    unsigned int parseFlags = 0;
    g_autoptr(virDomainObj) vm = NULL;
    g_autoptr(virDomainSnapshotDef) def = NULL;
    virDomainMomentList *list;
    virDomainMoment *snap;
    virDomainSnapshotPtr snapshot;

    /* DISK_ONLY, REUSE_EXT and NO_METADATA are refused, as upstream;
     * QUIESCE, ATOMIC and LIVE have nothing to do here. */
    virCheckFlags(VIR_DOMAIN_SNAPSHOT_CREATE_REDEFINE |
                  VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT |
                  VIR_DOMAIN_SNAPSHOT_CREATE_HALT |
                  VIR_DOMAIN_SNAPSHOT_CREATE_QUIESCE |
                  VIR_DOMAIN_SNAPSHOT_CREATE_ATOMIC |
                  VIR_DOMAIN_SNAPSHOT_CREATE_LIVE |
                  VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE, NULL);

    if (redefine)
        parseFlags |= VIR_DOMAIN_SNAPSHOT_PARSE_REDEFINE;
    if (flags & VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE)
        parseFlags |= VIR_DOMAIN_SNAPSHOT_PARSE_VALIDATE;

    if (!(vm = testDomObjFromDomain(domain)))
        return NULL;
    if (virDomainMomentListSize(vm->checkpoints) > 0) {
        virReportError(VIR_ERR_OPERATION_UNSUPPORTED, "%s",
                       "cannot create snapshot while checkpoint exists");
        return NULL;
    }
    if (!vm->persistent && (flags & VIR_DOMAIN_SNAPSHOT_CREATE_HALT)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "cannot halt after transient domain snapshot");
        return NULL;
    }
    if (!(def = virDomainSnapshotDefParseString(xmlDesc,
                                                testDriverDomainXMLOption(),
                                                parseFlags)))
        return NULL;
    list = testMomentList(vm, &testSnapshotKind);

    if (redefine) {
        virDomainMoment *other;

        if (virDomainMomentListCheckCycles(list, def->name,
                                           def->parent_name) < 0)
            return NULL;
        other = virDomainMomentListFind(list, def->name);
        if (testSnapshotPrepareRedefine(vm, def, other) < 0)
            return NULL;
        /* a redefinition without a domain keeps the old one */
        if (other && !def->dom)
            def->dom = g_steal_pointer(&testSnapDef(other)->dom);
        if (!(snap = testMomentStore(list, &testSnapshotKind, other,
                                     g_steal_pointer(&def))))
            return NULL;
    } else {
        virDomainMoment *current;

        if (!(def->dom = testMomentDomainCopy(vm->def)) ||
            testSnapshotPrepareNew(vm, def) < 0)
            return NULL;
        if (!(snap = testMomentStore(list, &testSnapshotKind, NULL,
                                     g_steal_pointer(&def))))
            return NULL;
        /* a new snapshot is a child of the current one */
        if ((current = virDomainMomentListGetCurrent(list)))
            testSnapDef(snap)->parent_name =
                g_strdup(testSnapDef(current)->name);
        if ((flags & VIR_DOMAIN_SNAPSHOT_CREATE_HALT) &&
            virDomainObjIsActive(vm))
            testSnapshotStopDomain(driver, vm, domain);
    }

    snapshot = virGetDomainSnapshot(domain, testSnapDef(snap)->name);
    if (snapshot) {
        /* a redefinition becomes current only when asked */
        if (!redefine || (flags & VIR_DOMAIN_SNAPSHOT_CREATE_CURRENT))
            virDomainMomentListSetCurrent(list, snap);
        virDomainMomentListLink(list, snap);
    }
    return snapshot;
}

/* ---- Delete ---- */

static int
testDomainSnapshotDelete(virDomainSnapshotPtr snapshot, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainMoment *snap;

    virCheckFlags(VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN |
                  VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY, -1);
    if (!(vm = testMomentObj(snapshot->domain, snapshot->name,
                             &testSnapshotKind, &snap)))
        return -1;
    testMomentDelete(vm->snapshots, snap,
                     flags & VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN,
                     flags & VIR_DOMAIN_SNAPSHOT_DELETE_CHILDREN_ONLY);
    return 0;
}

/* ---- Revert ---- */

/* The transitions and their events (as upstream's):
 *   inactive -> inactive: none
 *   inactive -> running:  STARTED
 *   inactive -> paused:   STARTED, SUSPENDED
 *   running or paused -> inactive: STOPPED
 *   running or paused -> running:  STOPPED, STARTED
 *   running or paused -> paused:   STOPPED, STARTED, SUSPENDED
 * all with the FROM_SNAPSHOT details. */
static int
testDomainRevertToSnapshot(virDomainSnapshotPtr snapshot, unsigned int flags)
{
    testDriver *driver = snapshot->domain->conn->privateData;
    g_autoptr(virDomainObj) vm = NULL;
    g_autoptr(virDomainDef) config = NULL;
    virDomainMoment *snap;
    virDomainSnapshotDef *def;
    bool start;
    bool pause;

    virCheckFlags(VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING |
                  VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED |
                  VIR_DOMAIN_SNAPSHOT_REVERT_FORCE, -1);
    if (!(vm = testMomentObj(snapshot->domain, snapshot->name,
                             &testSnapshotKind, &snap)))
        return -1;
    def = testSnapDef(snap);

    if (!vm->persistent && !testSnapshotStateOnline(def->state) &&
        !(flags & (VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING |
                   VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED))) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "transient domain needs to request run or pause to revert to inactive snapshot");
        return -1;
    }
    if (!def->dom) {
        virReportError(VIR_ERR_SNAPSHOT_REVERT_RISKY,
                       "snapshot '%s' lacks domain '%s' rollback info",
                       def->name, vm->def->name);
        return -1;
    }
    virDomainMomentListSetCurrent(vm->snapshots, NULL);
    if (!(config = testMomentDomainCopy(def->dom)))
        return -1;

    start = testSnapshotStateOnline(def->state) ||
            (flags & (VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING |
                      VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED));
    pause = !(flags & VIR_DOMAIN_SNAPSHOT_REVERT_RUNNING) &&
            (def->state == VIR_DOMAIN_SNAPSHOT_PAUSED ||
             (flags & VIR_DOMAIN_SNAPSHOT_REVERT_PAUSED));

    if (virDomainObjIsActive(vm))
        testSnapshotStopDomain(driver, vm, snapshot->domain);
    /* the snapshot's definition becomes the domain's */
    virDomainDefFree(vm->def);
    vm->def = g_steal_pointer(&config);
    vm->def->id = -1;

    if (start) {
        /* Upstream's test driver sends STARTED for an inactive snapshot
         * reverted with RUNNING or PAUSED yet leaves the domain off; the
         * domain starts here, as the flags ask. */
        testDomainStartState(driver, vm, VIR_DOMAIN_RUNNING_FROM_SNAPSHOT);
        testDomainQueueLifecycle(driver, vm, VIR_DOMAIN_EVENT_STARTED,
                                 VIR_DOMAIN_EVENT_STARTED_FROM_SNAPSHOT);
        if (pause) {
            virDomainObjSetState(vm, VIR_DOMAIN_PAUSED,
                                 VIR_DOMAIN_PAUSED_FROM_SNAPSHOT);
            testDomainQueueLifecycle(driver, vm, VIR_DOMAIN_EVENT_SUSPENDED,
                                     VIR_DOMAIN_EVENT_SUSPENDED_FROM_SNAPSHOT);
        }
    }
    virDomainMomentListSetCurrent(vm->snapshots, snap);
    return 0;
}

/* ---- Node files ---- */

/* A <test:domainsnapshot> (or the <domainsnapshot> its file= names) as a
 * document of its own. */
static char *
testSnapshotNodeString(xmlNodePtr node)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;
    xmlNodePtr copy = virXMLNodeCopyDetached(node);

    xmlNodeSetName(copy, BAD_CAST "domainsnapshot");
    xmlSetNs(copy, NULL);
    virXMLFormatNode(&buf, copy);
    virXMLNodeFreeDetached(copy);
    return virBufferContentAndReset(&buf);
}

/* Whether following parent names up from snap ends at a root. */
static bool
testSnapshotChainEnds(virDomainMomentList *list, virDomainMoment *snap)
{
    size_t steps = virDomainMomentListSize(list);
    const char *up = testSnapDef(snap)->parent_name;

    while (up) {
        virDomainMoment *parent = virDomainMomentListFind(list, up);

        if (!parent || parent == snap || steps-- == 0)
            return false;
        up = testSnapDef(parent)->parent_name;
    }
    return true;
}

int
testDomainSnapshotsLoad(virDomainObj *vm, const char *path)
{
    virDomainNamespaceDef *ns = vm->def->ns;
    const virDomainTestNsDef *data;
    g_autofree virDomainMoment **all = NULL;
    virDomainMomentList *list;
    bool consistent = true;
    size_t i;

    if (!ns || ns->ns != &virDomainTestXMLNamespace || !ns->data)
        return 0;
    data = ns->data;
    if (!data->nsnapshots)
        return 0;
    list = testMomentList(vm, &testSnapshotKind);
    all = g_new0(virDomainMoment *, data->nsnapshots);

    for (i = 0; i < data->nsnapshots; i++) {
        g_autoptr(xmlDoc) doc = NULL;
        g_autoptr(virDomainSnapshotDef) def = NULL;
        g_autofree char *xml = NULL;
        xmlNodePtr node;

        if (!(node = testFileResolve(data->snapshots[i], path,
                                     "domainsnapshot", &doc)))
            return -1;
        xml = testSnapshotNodeString(node);
        if (!(def = virDomainSnapshotDefParseString(xml,
                                                    testDriverDomainXMLOption(),
                                                    VIR_DOMAIN_SNAPSHOT_PARSE_REDEFINE |
                                                    VIR_DOMAIN_SNAPSHOT_PARSE_INTERNAL)))
            return -1;
        if (!(all[i] = virDomainMomentListAdd(list, def)))
            return -1;
        def = NULL;
        if (testSnapDef(all[i])->current) {
            if (virDomainMomentListGetCurrent(list)) {
                virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                               "more than one snapshot claims to be active");
                return -1;
            }
            virDomainMomentListSetCurrent(list, all[i]);
        }
    }

    for (i = 0; i < data->nsnapshots; i++)
        consistent &= testSnapshotChainEnds(list, all[i]);
    if (!consistent) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Snapshots have inconsistent relations for domain %s",
                       vm->def->name);
        return -1;
    }
    for (i = 0; i < data->nsnapshots; i++)
        virDomainMomentListLink(list, all[i]);
    return 0;
}

void
testDomainSnapshotSlots(virHypervisorDriver *hv)
{
    hv->domainSnapshotCreateXML = testDomainSnapshotCreateXML;
    hv->domainSnapshotGetXMLDesc = testDomainSnapshotGetXMLDesc;
    hv->domainSnapshotNum = testDomainSnapshotNum;
    hv->domainSnapshotListNames = testDomainSnapshotListNames;
    hv->domainListAllSnapshots = testDomainListAllSnapshots;
    hv->domainSnapshotNumChildren = testDomainSnapshotNumChildren;
    hv->domainSnapshotListChildrenNames = testDomainSnapshotListChildrenNames;
    hv->domainSnapshotListAllChildren = testDomainSnapshotListAllChildren;
    hv->domainSnapshotLookupByName = testDomainSnapshotLookupByName;
    hv->domainHasCurrentSnapshot = testDomainHasCurrentSnapshot;
    hv->domainSnapshotGetParent = testDomainSnapshotGetParent;
    hv->domainSnapshotCurrent = testDomainSnapshotCurrent;
    hv->domainSnapshotIsCurrent = testDomainSnapshotIsCurrent;
    hv->domainSnapshotHasMetadata = testDomainSnapshotHasMetadata;
    hv->domainRevertToSnapshot = testDomainRevertToSnapshot;
    hv->domainSnapshotDelete = testDomainSnapshotDelete;
}
