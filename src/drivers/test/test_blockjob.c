/*
 * test_blockjob.c: block jobs that progress over time and can be queried,
 * throttled and aborted.
 *
 * Upstream's test driver has no block jobs; these follow the API's
 * documentation and the qemu driver's checks and messages.  A job copies
 * TEST_BLOCKJOB_SIZE bytes at its bandwidth (TEST_BLOCKJOB_FULL_SPEED
 * when unlimited), so an unthrottled job ends in half a second and one
 * throttled to 1 MiB/s takes minutes.  Pulls and commits then complete;
 * copies and active commits enter their mirroring phase ("ready") and
 * wait for an abort, which pivots to the new image when asked to.  Each
 * end is announced with the BLOCK_JOB and BLOCK_JOB_2 events.
 *
 * Progress is worked out from the time elapsed, whenever a job is looked
 * at and from a timer of the application's event loop (when there is
 * one), so events come without polling.  Jobs live in one table for the
 * process, keyed by driver, domain and disk; a job belongs to one run of
 * its domain and is forgotten when the domain stops.
 */
#include "test_driver.h"
#include "test_xmlopt.h"
#include "conf/domain_disk.h"
#include "conf/object_event_types.h"
#include "conf/storage_source.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_TEST

#define TEST_BLOCKJOB_SIZE (512ULL << 20)
#define TEST_BLOCKJOB_FULL_SPEED (1ULL << 30) /* bytes per second */
#define TEST_BLOCKJOB_TICK_MS 50

typedef struct _testBlockJob testBlockJob;
struct _testBlockJob {
    testDriver *driver;         /* referenced */
    unsigned char uuid[VIR_UUID_BUFLEN];
    int domid;
    char *dst;                  /* the disk's target */
    int type;                   /* virDomainBlockJobType */
    bool pivotable;             /* copy or active commit */
    bool ready;
    unsigned long long cur;
    unsigned long long bandwidth; /* bytes per second, 0: unlimited */
    gint64 last;                /* when cur was last brought up to date */
    int timer;                  /* -1 without an event loop */
};

static GMutex testBlockJobLock;
static GHashTable *testBlockJobs;   /* key -> testBlockJob */

static void
testBlockJobFree(void *opaque)
{
    testBlockJob *job = opaque;

    if (job->timer >= 0)
        virEventRemoveTimeout(job->timer);
    virObjectUnref(job->driver);
    g_free(job->dst);
    g_free(job);
}

static char *
testBlockJobKey(testDriver *driver, const unsigned char *uuid,
                const char *dst)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];

    return g_strdup_printf("%p/%s/%s", (void *)driver,
                           virUUIDFormat(uuid, uuidstr), dst);
}

static void
testBlockJobQueueEvents(testBlockJob *job, virDomainObj *vm,
                        virDomainDiskDef *disk, int status)
{
    /* The first event names the disk by its source, the second by its
     * target, as the API documents. */
    const char *path = disk && disk->src->path ? disk->src->path : job->dst;

    virObjectEventStateQueue(job->driver->eventState,
                             virDomainEventBlockJobNew(
                                 VIR_DOMAIN_EVENT_ID_BLOCK_JOB,
                                 vm->def->name, vm->def->uuid, vm->def->id,
                                 path, job->type, status));
    virObjectEventStateQueue(job->driver->eventState,
                             virDomainEventBlockJobNew(
                                 VIR_DOMAIN_EVENT_ID_BLOCK_JOB_2,
                                 vm->def->name, vm->def->uuid, vm->def->id,
                                 job->dst, job->type, status));
}

static virDomainDiskDef *
testDiskByTarget(virDomainDef *def, const char *dst)
{
    size_t i;

    for (i = 0; i < def->devices->ndisks; i++) {
        if (STREQ(def->devices->disks[i]->dst, dst))
            return def->devices->disks[i];
    }
    return NULL;
}

/* Forgets the job of key (table locked), dropping the disk's mirror. */
static void
testBlockJobRemove(const char *key, testBlockJob *job, virDomainObj *vm)
{
    virDomainDiskDef *disk;

    if (vm && (disk = testDiskByTarget(vm->def, job->dst))) {
        g_clear_pointer(&disk->mirror, virStorageSourceFree);
        disk->mirrorJob = VIR_DOMAIN_DISK_MIRROR_JOB_NONE;
        disk->mirrorState = VIR_DOMAIN_DISK_MIRROR_STATE_NONE;
    }
    g_hash_table_remove(testBlockJobs, key);
}

/* Brings the job of key up to date (vm and table locked); a finished
 * pull or commit is removed with its event.  Returns the job, or NULL
 * when there is none (any more). */
static testBlockJob *
testBlockJobUpdate(const char *key, virDomainObj *vm)
{
    testBlockJob *job;
    gint64 now = g_get_monotonic_time();
    unsigned long long rate;
    double step;

    if (!testBlockJobs || !(job = g_hash_table_lookup(testBlockJobs, key)))
        return NULL;
    /* A job of an earlier run of the domain ended with it. */
    if (!virDomainObjIsActive(vm) || vm->def->id != job->domid) {
        g_hash_table_remove(testBlockJobs, key);
        return NULL;
    }

    rate = job->bandwidth ? MIN(job->bandwidth, TEST_BLOCKJOB_FULL_SPEED)
                          : TEST_BLOCKJOB_FULL_SPEED;
    step = (double)rate * (double)(now - job->last) / G_USEC_PER_SEC;
    job->last = now;
    if (step >= (double)(TEST_BLOCKJOB_SIZE - job->cur))
        job->cur = TEST_BLOCKJOB_SIZE;
    else
        job->cur += (unsigned long long)step;

    if (job->cur < TEST_BLOCKJOB_SIZE || job->ready)
        return job;

    if (job->pivotable) {
        virDomainDiskDef *disk = testDiskByTarget(vm->def, job->dst);

        job->ready = true;
        if (disk && disk->mirror)
            disk->mirrorState = VIR_DOMAIN_DISK_MIRROR_STATE_READY;
        testBlockJobQueueEvents(job, vm, disk, VIR_DOMAIN_BLOCK_JOB_READY);
        /* Nothing changes any more until the application acts. */
        if (job->timer >= 0) {
            virEventRemoveTimeout(job->timer);
            job->timer = -1;
        }
        return job;
    }
    testBlockJobQueueEvents(job, vm, testDiskByTarget(vm->def, job->dst),
                            VIR_DOMAIN_BLOCK_JOB_COMPLETED);
    testBlockJobRemove(key, job, vm);
    return NULL;
}

/* testBlockJobUpdate for a call that needs the job: NULL with upstream's
 * error when disk has none. */
static testBlockJob *
testBlockJobActive(const char *key, virDomainObj *vm,
                   const virDomainDiskDef *disk)
{
    testBlockJob *job = testBlockJobUpdate(key, vm);

    if (!job)
        virReportError(VIR_ERR_INVALID_ARG,
                       "disk %s does not have an active block job",
                       disk->dst);
    return job;
}

static void
testBlockJobTick(int timer G_GNUC_UNUSED, void *opaque)
{
    const char *key = opaque;
    virDomainObj *vm;
    testBlockJob *job;
    testDriver *driver;
    unsigned char uuid[VIR_UUID_BUFLEN];

    /* The domain's lock comes before the table's: look the job up, let
     * go, lock the domain, then look again. */
    g_mutex_lock(&testBlockJobLock);
    if (!testBlockJobs || !(job = g_hash_table_lookup(testBlockJobs, key))) {
        g_mutex_unlock(&testBlockJobLock);
        return;
    }
    driver = virObjectRef(job->driver);
    memcpy(uuid, job->uuid, VIR_UUID_BUFLEN);
    g_mutex_unlock(&testBlockJobLock);

    vm = virDomainObjListFindByUUID(driver->domains, uuid);
    g_mutex_lock(&testBlockJobLock);
    if (vm) {
        testBlockJobUpdate(key, vm);
    } else if (testBlockJobs) {
        g_hash_table_remove(testBlockJobs, key);
    }
    g_mutex_unlock(&testBlockJobLock);
    /* The domain first: the driver's last reference may go with ours. */
    virDomainObjEndAPI(&vm);
    virObjectUnref(driver);
}

/* The disk an API names by target or source path (upstream's
 * "disk '%s' not found in domain" otherwise). */
static virDomainDiskDef *
testBlockJobDisk(virDomainObj *vm, const char *name)
{
    virDomainDef *def = vm->def;
    size_t i;

    for (i = 0; i < def->devices->ndisks; i++) {
        virDomainDiskDef *disk = def->devices->disks[i];

        if (STREQ(disk->dst, name) ||
            (disk->src->path && name[0] == '/' &&
             STREQ(disk->src->path, name)))
            return disk;
    }
    virReportError(VIR_ERR_INVALID_ARG, "disk '%s' not found in domain",
                   name);
    return NULL;
}

/* What every job call starts with: the running domain (locked) and the
 * disk, with *key its job's key. */
static virDomainObj *
testBlockJobBegin(virDomainPtr dom, const char *path,
                  virDomainDiskDef **disk, char **key)
{
    testDriver *driver = dom->conn->privateData;
    virDomainObj *vm;

    if (!(vm = testDomObjFromDomain(dom)))
        return NULL;
    if (virDomainObjCheckActive(vm) < 0 ||
        !(*disk = testBlockJobDisk(vm, path))) {
        virDomainObjEndAPI(&vm);
        return NULL;
    }
    *key = testBlockJobKey(driver, vm->def->uuid, (*disk)->dst);
    return vm;
}

static int
testBlockJobBandwidth(unsigned long bandwidth, bool bytes,
                      unsigned long long *speed)
{
    *speed = bandwidth;
    if (bytes)
        return 0;
    if (*speed > (unsigned long long)(LLONG_MAX >> 20)) {
        virReportError(VIR_ERR_OVERFLOW, "bandwidth must be less than %llu",
                       (unsigned long long)(LLONG_MAX >> 20));
        return -1;
    }
    *speed <<= 20;
    return 0;
}

/* Starts a job on disk of vm (locked); mirror, for a copy, becomes the
 * disk's <mirror> (taken). */
static int
testBlockJobStart(virDomainPtr dom, virDomainObj *vm, virDomainDiskDef *disk,
                  const char *key, int type, unsigned long long speed,
                  virStorageSource **mirror)
{
    g_autoptr(GMutexLocker) locker G_GNUC_UNUSED =
        g_mutex_locker_new(&testBlockJobLock);
    testBlockJob *job;

    if (!testBlockJobs)
        testBlockJobs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                              testBlockJobFree);
    if (testBlockJobUpdate(key, vm)) {
        virReportError(disk->mirror ? VIR_ERR_BLOCK_COPY_ACTIVE
                                    : VIR_ERR_OPERATION_UNSUPPORTED,
                       "disk '%s' already in active block job", disk->dst);
        return -1;
    }

    /* The live definition is about to change: keep the persistent one
     * as it is. */
    if (vm->persistent) {
        virDomainDef *live;
        virDomainDef *config;

        if (virDomainObjGetDefs(vm, VIR_DOMAIN_AFFECT_CONFIG,
                                testDriverDomainXMLOption(), &live,
                                &config) < 0)
            return -1;
    }
    /* The domain's definition may have just been copied: find the disk
     * again. */
    if (!(disk = testDiskByTarget(vm->def, disk->dst))) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s", "disk disappeared");
        return -1;
    }

    job = g_new0(testBlockJob, 1);
    job->driver = virObjectRef(dom->conn->privateData);
    memcpy(job->uuid, vm->def->uuid, VIR_UUID_BUFLEN);
    job->domid = vm->def->id;
    job->dst = g_strdup(disk->dst);
    job->type = type;
    job->pivotable = type == VIR_DOMAIN_BLOCK_JOB_TYPE_COPY ||
                     type == VIR_DOMAIN_BLOCK_JOB_TYPE_ACTIVE_COMMIT;
    job->bandwidth = speed;
    job->last = g_get_monotonic_time();
    job->timer = virEventAddTimeout(TEST_BLOCKJOB_TICK_MS, testBlockJobTick,
                                    g_strdup(key), g_free);
    g_hash_table_insert(testBlockJobs, g_strdup(key), job);

    g_clear_pointer(&disk->mirror, virStorageSourceFree);
    disk->mirrorState = VIR_DOMAIN_DISK_MIRROR_STATE_NONE;
    disk->mirrorJob = VIR_DOMAIN_DISK_MIRROR_JOB_NONE;
    if (mirror && *mirror) {
        disk->mirror = g_steal_pointer(mirror);
        disk->mirrorJob = type == VIR_DOMAIN_BLOCK_JOB_TYPE_COPY ?
                          VIR_DOMAIN_DISK_MIRROR_JOB_COPY :
                          VIR_DOMAIN_DISK_MIRROR_JOB_ACTIVE_COMMIT;
    }
    return 0;
}

static int
testDomainBlockPull(virDomainPtr dom, const char *path,
                    unsigned long bandwidth, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    g_autofree char *key = NULL;
    virDomainDiskDef *disk;
    unsigned long long speed;

    virCheckFlags(VIR_DOMAIN_BLOCK_PULL_BANDWIDTH_BYTES, -1);

    if (testBlockJobBandwidth(bandwidth,
                              flags & VIR_DOMAIN_BLOCK_PULL_BANDWIDTH_BYTES,
                              &speed) < 0)
        return -1;
    if (!(vm = testBlockJobBegin(dom, path, &disk, &key)))
        return -1;
    return testBlockJobStart(dom, vm, disk, key, VIR_DOMAIN_BLOCK_JOB_TYPE_PULL,
                             speed, NULL);
}

/* A destination image at path: a file, or a block device. */
static virStorageSource *
testBlockJobDest(const char *path, bool dev, bool raw)
{
    virStorageSource *src = virStorageSourceNew();

    src->type = dev ? VIR_STORAGE_TYPE_BLOCK : VIR_STORAGE_TYPE_FILE;
    src->path = g_strdup(path);
    if (raw)
        src->format = VIR_STORAGE_FILE_RAW;
    return src;
}

static int
testDomainBlockRebase(virDomainPtr dom, const char *path, const char *base,
                      unsigned long bandwidth, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    g_autoptr(virStorageSource) dest = NULL;
    g_autofree char *key = NULL;
    virDomainDiskDef *disk;
    unsigned long long speed;
    bool bytes;

    virCheckFlags(VIR_DOMAIN_BLOCK_REBASE_SHALLOW |
                  VIR_DOMAIN_BLOCK_REBASE_REUSE_EXT |
                  VIR_DOMAIN_BLOCK_REBASE_COPY |
                  VIR_DOMAIN_BLOCK_REBASE_COPY_RAW |
                  VIR_DOMAIN_BLOCK_REBASE_RELATIVE |
                  VIR_DOMAIN_BLOCK_REBASE_COPY_DEV |
                  VIR_DOMAIN_BLOCK_REBASE_BANDWIDTH_BYTES, -1);
    bytes = flags & VIR_DOMAIN_BLOCK_REBASE_BANDWIDTH_BYTES;

    if (!(flags & VIR_DOMAIN_BLOCK_REBASE_COPY)) {
        if ((flags & VIR_DOMAIN_BLOCK_REBASE_RELATIVE) && !base) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "flag VIR_DOMAIN_BLOCK_REBASE_RELATIVE is valid "
                           "only with non-null base");
            return -1;
        }
        if (testBlockJobBandwidth(bandwidth, bytes, &speed) < 0)
            return -1;
        if (!(vm = testBlockJobBegin(dom, path, &disk, &key)))
            return -1;
        return testBlockJobStart(dom, vm, disk, key,
                                 VIR_DOMAIN_BLOCK_JOB_TYPE_PULL, speed, NULL);
    }

    /* A copy to base (the public layer saw to it being given). */
    if (testBlockJobBandwidth(bandwidth, bytes, &speed) < 0)
        return -1;
    if (flags & VIR_DOMAIN_BLOCK_REBASE_RELATIVE) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "%s",
                       "Relative backing during copy not supported yet");
        return -1;
    }
    if (!(vm = testBlockJobBegin(dom, path, &disk, &key)))
        return -1;
    dest = testBlockJobDest(base, flags & VIR_DOMAIN_BLOCK_REBASE_COPY_DEV,
                            flags & VIR_DOMAIN_BLOCK_REBASE_COPY_RAW);
    return testBlockJobStart(dom, vm, disk, key,
                             VIR_DOMAIN_BLOCK_JOB_TYPE_COPY, speed, &dest);
}

static const char *
testTypedParamTypeName(int type)
{
    static const char *const names[] = {
        "", "int", "uint", "llong", "ullong", "double", "boolean", "string",
    };

    return type > 0 && type < (int)G_N_ELEMENTS(names) ? names[type]
                                                        : "unknown";
}

/* The destination of a block copy: a <disk> whose <source> is read. */
static virStorageSource *
testBlockCopyParseDest(const char *destxml)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autoptr(virStorageSource) src = NULL;
    g_autofree char *type = NULL;
    g_autofree char *format = NULL;
    xmlNodePtr root;
    xmlNodePtr node;

    if (!(doc = virXMLParseStringCtxt(VIR_FROM_DOMAIN, destxml,
                                      "(disk_definition)", "disk")))
        return NULL;
    root = xmlDocGetRootElement(doc);
    type = virXMLPropString(root, "type");
    if ((node = virXMLChild(root, "driver")))
        format = virXMLPropString(node, "type");
    if (!(src = virStorageSourceParseBase(type, format, NULL)))
        return NULL;
    if ((node = virXMLChild(root, "source")) &&
        virStorageSourceParseXML(node, src,
                                 VIR_STORAGE_SOURCE_PARSE_INACTIVE) < 0)
        return NULL;
    return g_steal_pointer(&src);
}

static int
testDomainBlockCopy(virDomainPtr dom, const char *path, const char *destxml,
                    virTypedParameterPtr params, int nparams,
                    unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    g_autoptr(virStorageSource) dest = NULL;
    g_autofree char *key = NULL;
    virDomainDiskDef *disk;
    unsigned long long speed = 0;
    int i;

    virCheckFlags(VIR_DOMAIN_BLOCK_COPY_SHALLOW |
                  VIR_DOMAIN_BLOCK_COPY_REUSE_EXT |
                  VIR_DOMAIN_BLOCK_COPY_TRANSIENT_JOB |
                  VIR_DOMAIN_BLOCK_COPY_SYNCHRONOUS_WRITES, -1);

    for (i = 0; i < nparams; i++) {
        virTypedParameterPtr param = &params[i];
        bool isUInt = STREQ(param->field, VIR_DOMAIN_BLOCK_COPY_GRANULARITY);

        if (!isUInt && STRNEQ(param->field, VIR_DOMAIN_BLOCK_COPY_BANDWIDTH) &&
            STRNEQ(param->field, VIR_DOMAIN_BLOCK_COPY_BUF_SIZE)) {
            virReportError(VIR_ERR_INVALID_ARG, "parameter '%s' not supported",
                           param->field);
            return -1;
        }
        if (param->type != (isUInt ? VIR_TYPED_PARAM_UINT
                                   : VIR_TYPED_PARAM_ULLONG)) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "invalid type '%s' for parameter '%s', "
                           "expected '%s'",
                           testTypedParamTypeName(param->type),
                           param->field, isUInt ? "uint" : "ullong");
            return -1;
        }
        if (isUInt && (param->value.ui & (param->value.ui - 1)) != 0) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "granularity must be power of 2");
            return -1;
        }
        if (STREQ(param->field, VIR_DOMAIN_BLOCK_COPY_BANDWIDTH))
            speed = param->value.ul;
    }

    if (!(dest = testBlockCopyParseDest(destxml)))
        return -1;
    if (!(vm = testBlockJobBegin(dom, path, &disk, &key)))
        return -1;
    return testBlockJobStart(dom, vm, disk, key,
                             VIR_DOMAIN_BLOCK_JOB_TYPE_COPY, speed, &dest);
}

static int
testDomainBlockCommit(virDomainPtr dom, const char *path, const char *base,
                      const char *top, unsigned long bandwidth,
                      unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    g_autofree char *key = NULL;
    virDomainDiskDef *disk;
    unsigned long long speed;
    bool active;

    virCheckFlags(VIR_DOMAIN_BLOCK_COMMIT_SHALLOW |
                  VIR_DOMAIN_BLOCK_COMMIT_DELETE |
                  VIR_DOMAIN_BLOCK_COMMIT_ACTIVE |
                  VIR_DOMAIN_BLOCK_COMMIT_RELATIVE |
                  VIR_DOMAIN_BLOCK_COMMIT_BANDWIDTH_BYTES, -1);

    if (testBlockJobBandwidth(bandwidth,
                              flags & VIR_DOMAIN_BLOCK_COMMIT_BANDWIDTH_BYTES,
                              &speed) < 0)
        return -1;
    if (!(vm = testBlockJobBegin(dom, path, &disk, &key)))
        return -1;

    /* The test driver keeps no backing chains: any other top is taken to
     * be a layer below the active one. */
    active = !top || STREQ(top, disk->dst) ||
             STREQ_NULLABLE(top, disk->src->path);
    if (active && !(flags & VIR_DOMAIN_BLOCK_COMMIT_ACTIVE)) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "commit of '%s' active layer requires active flag",
                       disk->dst);
        return -1;
    }
    if (!active && (flags & VIR_DOMAIN_BLOCK_COMMIT_ACTIVE)) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "active commit requested but '%s' is not active",
                       top);
        return -1;
    }
    if (active) {
        g_autoptr(virStorageSource) mirror = NULL;

        /* The active commit's mirror is the base it commits into. */
        if (base)
            mirror = testBlockJobDest(base, false, false);
        return testBlockJobStart(dom, vm, disk, key,
                                 VIR_DOMAIN_BLOCK_JOB_TYPE_ACTIVE_COMMIT,
                                 speed, &mirror);
    }
    return testBlockJobStart(dom, vm, disk, key,
                             VIR_DOMAIN_BLOCK_JOB_TYPE_COMMIT, speed, NULL);
}

static int
testDomainGetBlockJobInfo(virDomainPtr dom, const char *path,
                          virDomainBlockJobInfoPtr info, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    g_autofree char *key = NULL;
    virDomainDiskDef *disk;
    testBlockJob *job;
    unsigned long long bw;

    virCheckFlags(VIR_DOMAIN_BLOCK_JOB_INFO_BANDWIDTH_BYTES, -1);

    if (!(vm = testBlockJobBegin(dom, path, &disk, &key)))
        return -1;
    {
        g_autoptr(GMutexLocker) locker G_GNUC_UNUSED =
            g_mutex_locker_new(&testBlockJobLock);

        if (!(job = testBlockJobUpdate(key, vm)))
            return 0;
        memset(info, 0, sizeof(*info));
        info->type = job->type;
        info->cur = job->cur;
        info->end = TEST_BLOCKJOB_SIZE;
        bw = job->bandwidth;
        if (!(flags & VIR_DOMAIN_BLOCK_JOB_INFO_BANDWIDTH_BYTES))
            bw = (bw + (1ULL << 20) - 1) >> 20;
        info->bandwidth = bw;
        if (info->bandwidth != bw) {
            virReportError(VIR_ERR_OVERFLOW,
                           "bandwidth %llu cannot be represented in result",
                           bw);
            return -1;
        }
        return 1;
    }
}

static int
testDomainBlockJobSetSpeed(virDomainPtr dom, const char *path,
                           unsigned long bandwidth, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    g_autofree char *key = NULL;
    virDomainDiskDef *disk;
    testBlockJob *job;
    unsigned long long speed;

    virCheckFlags(VIR_DOMAIN_BLOCK_JOB_SPEED_BANDWIDTH_BYTES, -1);

    if (testBlockJobBandwidth(bandwidth, flags &
                              VIR_DOMAIN_BLOCK_JOB_SPEED_BANDWIDTH_BYTES,
                              &speed) < 0)
        return -1;
    if (!(vm = testBlockJobBegin(dom, path, &disk, &key)))
        return -1;
    {
        g_autoptr(GMutexLocker) locker G_GNUC_UNUSED =
            g_mutex_locker_new(&testBlockJobLock);

        /* Progress so far was made at the old speed. */
        if (!(job = testBlockJobActive(key, vm, disk)))
            return -1;
        job->bandwidth = speed;
        return 0;
    }
}

static int
testDomainBlockJobAbort(virDomainPtr dom, const char *path,
                        unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    g_autofree char *key = NULL;
    virDomainDiskDef *disk;
    testBlockJob *job;
    bool pivot = flags & VIR_DOMAIN_BLOCK_JOB_ABORT_PIVOT;

    virCheckFlags(VIR_DOMAIN_BLOCK_JOB_ABORT_ASYNC |
                  VIR_DOMAIN_BLOCK_JOB_ABORT_PIVOT, -1);

    if (!(vm = testBlockJobBegin(dom, path, &disk, &key)))
        return -1;
    {
        g_autoptr(GMutexLocker) locker G_GNUC_UNUSED =
            g_mutex_locker_new(&testBlockJobLock);

        if (!(job = testBlockJobActive(key, vm, disk)))
            return -1;
        if (pivot) {
            if (!job->ready) {
                virReportError(VIR_ERR_BLOCK_COPY_ACTIVE,
                               "block job '%s' not ready for pivot yet",
                               disk->dst);
                return -1;
            }
            if (!job->pivotable) {
                virReportError(VIR_ERR_OPERATION_INVALID,
                               "job type '%s' does not support pivot",
                               job->type == VIR_DOMAIN_BLOCK_JOB_TYPE_PULL ?
                               "pull" : "commit");
                return -1;
            }
            /* The event names the disk by the source the job began on;
             * then the disk runs on the copy (or the base committed to). */
            testBlockJobQueueEvents(job, vm, disk,
                                    VIR_DOMAIN_BLOCK_JOB_COMPLETED);
            if (disk->mirror) {
                virStorageSourceFree(disk->src);
                disk->src = g_steal_pointer(&disk->mirror);
            }
        } else {
            testBlockJobQueueEvents(job, vm, disk,
                                    VIR_DOMAIN_BLOCK_JOB_CANCELED);
        }
        testBlockJobRemove(key, job, vm);
        return 0;
    }
}

void
testDomainBlockJobSlots(virHypervisorDriver *hv)
{
    hv->domainBlockPull = testDomainBlockPull;
    hv->domainBlockRebase = testDomainBlockRebase;
    hv->domainBlockCopy = testDomainBlockCopy;
    hv->domainBlockCommit = testDomainBlockCommit;
    hv->domainGetBlockJobInfo = testDomainGetBlockJobInfo;
    hv->domainBlockJobSetSpeed = testDomainBlockJobSetSpeed;
    hv->domainBlockJobAbort = testDomainBlockJobAbort;
}
