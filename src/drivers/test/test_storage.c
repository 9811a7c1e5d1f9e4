/*
 * test_storage.c: the test driver's storage pools and volumes: the default
 * active dir pool "default-pool", pools and volumes of node files, the
 * pool lifecycle (define, create, build, destroy, delete, undefine,
 * refresh) with upstream's state checks and events, and volumes created,
 * cloned and deleted with the pool's allocation kept up to date.  What a
 * volume holds, and the slots that read and write it, are in
 * test_storage_vol.c.
 *
 * One mutex guards the whole storage state: every slot is short and
 * nothing here calls back into other drivers.  Pools live in a
 * testObjList, found by name or uuid and listed in definition order; a
 * pool's volumes are a short ordered list.
 */
#include "test_storage_priv.h"
#include "conf/object_event_types.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_TEST

/* Every pool of the test driver reports these until volumes are added. */
#define TEST_POOL_CAPACITY (100 * 1024 * 1024 * 1024ULL)

static const char testDefaultPoolXML[] =
    "<pool type='dir'>\n"
    "  <name>default-pool</name>\n"
    "  <uuid>dfe224cb-28fb-8dd0-c4b2-64eb3f0f4566</uuid>\n"
    "  <target>\n"
    "    <path>/default-pool</path>\n"
    "  </target>\n"
    "</pool>\n";

static void
testPoolFree(void *opaque)
{
    testPool *pool = opaque;

    virStoragePoolDefFree(pool->def);
    virStoragePoolDefFree(pool->newDef);
    g_ptr_array_unref(pool->vols);
    g_hash_table_unref(pool->volData);
    g_free(pool);
}

static void
testVolDefFree(void *opaque)
{
    virStorageVolDefFree(opaque);
}

testStorageState *
testStorageStateNew(void)
{
    testStorageState *st = g_new0(testStorageState, 1);

    st->pools = testObjListNew(testPoolFree);
    return st;
}

void
testStorageStateFree(testStorageState *st)
{
    if (!st)
        return;
    testObjListFree(st->pools);
    g_free(st);
}

/* ---- The pool list ---- */

static void
testPoolResetSizes(virStoragePoolDef *def)
{
    def->capacity = TEST_POOL_CAPACITY;
    def->allocation = 0;
    def->available = TEST_POOL_CAPACITY;
}

static bool
testPoolSourceConflicts(virStoragePoolDef *a, virStoragePoolDef *b)
{
    size_t i, j;

    switch (a->type) {
    case VIR_STORAGE_POOL_DIR:
        return b->type == a->type &&
               g_strcmp0(a->target_path, b->target_path) == 0;
    case VIR_STORAGE_POOL_NETFS:
    case VIR_STORAGE_POOL_GLUSTER:
        return b->type == a->type &&
               g_strcmp0(a->source.dir, b->source.dir) == 0 &&
               a->source.nhost == 1 && b->source.nhost == 1 &&
               g_strcmp0(a->source.hosts[0].name,
                         b->source.hosts[0].name) == 0;
    case VIR_STORAGE_POOL_FS:
    case VIR_STORAGE_POOL_LOGICAL:
    case VIR_STORAGE_POOL_DISK:
    case VIR_STORAGE_POOL_ZFS:
        if (b->type != VIR_STORAGE_POOL_FS &&
            b->type != VIR_STORAGE_POOL_LOGICAL &&
            b->type != VIR_STORAGE_POOL_DISK &&
            b->type != VIR_STORAGE_POOL_ZFS)
            return false;
        for (i = 0; i < a->source.ndevice; i++) {
            for (j = 0; j < b->source.ndevice; j++) {
                if (g_strcmp0(a->source.devices[i].path,
                              b->source.devices[j].path) == 0)
                    return true;
            }
        }
        return false;
    case VIR_STORAGE_POOL_MPATH:
        return b->type == a->type;
    case VIR_STORAGE_POOL_VSTORAGE:
        return b->type == a->type &&
               g_strcmp0(a->source.name, b->source.name) == 0;
    default:
        return false;
    }
}

/* The pool list's own errors are the storage layer's in upstream. */
#define testPoolListError(code, ...) \
    virReportErrorHelper(VIR_FROM_STORAGE, code, __FILE__, __func__, \
                         __LINE__, __VA_ARGS__)

/* Adds *def (stolen) or redefines the pool of the same name and uuid.
 * checkLive refuses a pool that is already active.  Returns the pool. */
static testPool *
testPoolAdd(testStorageState *st, virStoragePoolDef **def, bool checkLive)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    testPool *pool;
    size_t i;

    for (i = 0; i < testObjListSize(st->pools); i++) {
        testPool *other = testObjListAt(st->pools, i);

        if (strcmp(other->def->name, (*def)->name) != 0 &&
            testPoolSourceConflicts(other->def, *def)) {
            testPoolListError(VIR_ERR_OPERATION_FAILED,
                           "Storage source conflict with pool: '%s'",
                           other->def->name);
            return NULL;
        }
    }

    if ((pool = testObjListFindByUUID(st->pools, (*def)->uuid))) {
        if (strcmp(pool->def->name, (*def)->name) != 0) {
            testPoolListError(VIR_ERR_OPERATION_FAILED,
                           "pool '%s' is already defined with uuid %s",
                           pool->def->name,
                           virUUIDFormat(pool->def->uuid, uuidstr));
            return NULL;
        }
        if (checkLive && pool->active) {
            testPoolListError(VIR_ERR_OPERATION_INVALID,
                           "pool is already active as '%s'",
                           pool->def->name);
            return NULL;
        }
        if (pool->active) {
            virStoragePoolDefFree(pool->newDef);
            pool->newDef = g_steal_pointer(def);
        } else {
            virStoragePoolDefFree(pool->def);
            pool->def = g_steal_pointer(def);
        }
        return pool;
    }
    if ((pool = testObjListFindByName(st->pools, (*def)->name))) {
        testPoolListError(VIR_ERR_OPERATION_FAILED,
                       "pool '%s' already exists with uuid %s",
                       (*def)->name, virUUIDFormat(pool->def->uuid, uuidstr));
        return NULL;
    }

    pool = g_new0(testPool, 1);
    pool->def = g_steal_pointer(def);
    pool->vols = g_ptr_array_new_with_free_func(testVolDefFree);
    pool->volData = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                          testVolDataFree);
    testObjListAdd(st->pools, pool, pool->def->name, pool->def->uuid);
    return pool;
}

static testPool *
testPoolFindByName(testStorageState *st, const char *name)
{
    testPool *pool = testObjListFindByName(st->pools, name);

    if (!pool)
        virReportError(VIR_ERR_NO_STORAGE_POOL,
                       "no storage pool with matching name '%s'", name);
    return pool;
}

static testPool *
testPoolFindByUUID(testStorageState *st, const unsigned char *uuid)
{
    testPool *pool = testObjListFindByUUID(st->pools, uuid);

    if (!pool) {
        char uuidstr[VIR_UUID_STRING_BUFLEN];

        virReportError(VIR_ERR_NO_STORAGE_POOL,
                       "no storage pool with matching uuid '%s'",
                       virUUIDFormat(uuid, uuidstr));
    }
    return pool;
}

testPool *
testPoolFindActive(testStorageState *st, const char *name)
{
    testPool *pool = testPoolFindByName(st, name);

    if (pool && !pool->active) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "storage pool '%s' is not active", name);
        return NULL;
    }
    return pool;
}

static testPool *
testPoolFindInactive(testStorageState *st, const char *name)
{
    testPool *pool = testPoolFindByName(st, name);

    if (pool && pool->active) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "storage pool '%s' is active", name);
        return NULL;
    }
    return pool;
}

static virStorageVolDef *
testVolFindRaw(testPool *pool, const char *name)
{
    size_t i;

    for (i = 0; i < pool->vols->len; i++) {
        virStorageVolDef *vol = g_ptr_array_index(pool->vols, i);

        if (strcmp(vol->name, name) == 0)
            return vol;
    }
    return NULL;
}

virStorageVolDef *
testVolFind(testPool *pool, const char *name)
{
    virStorageVolDef *vol = testVolFindRaw(pool, name);

    if (!vol)
        virReportError(VIR_ERR_NO_STORAGE_VOL,
                       "no storage vol with matching name '%s'", name);
    return vol;
}

static void
testPoolQueueEvent(testDriver *driver, virStoragePoolDef *def, int type)
{
    virObjectEventStateQueue(driver->eventState,
                             virStoragePoolEventLifecycleNew(def->name,
                                                             def->uuid,
                                                             type, 0));
}

static virStoragePoolPtr
testPoolPtr(virConnectPtr conn, testPool *pool)
{
    return virGetStoragePool(conn, pool->def->name, pool->def->uuid,
                             NULL, NULL);
}

static virStorageVolPtr
testVolPtr(virConnectPtr conn, testPool *pool, virStorageVolDef *vol)
{
    return virGetStorageVol(conn, pool->def->name, vol->name, vol->key,
                            NULL, NULL);
}

/* Adds a parsed volume to pool, its path and key defaulting to
 * TARGET/NAME, and charges its allocation to the pool. */
static void
testPoolAddVol(testPool *pool, virStorageVolDef **vol, bool forcePath)
{
    virStorageVolDef *v = *vol;

    if (forcePath || !v->target.path) {
        g_free(v->target.path);
        v->target.path = g_strdup_printf("%s/%s", pool->def->target_path,
                                         v->name);
    }
    if (forcePath || !v->key) {
        g_free(v->key);
        v->key = g_strdup(v->target.path);
    }
    pool->def->allocation += v->allocation;
    pool->def->available = pool->def->capacity - pool->def->allocation;
    g_ptr_array_add(pool->vols, g_steal_pointer(vol));
}

/* ---- Loading ---- */

int
testStorageLoadDefault(testDriver *driver)
{
    testStorageState *st = driver->storage;
    g_autoptr(virStoragePoolDef) def = NULL;
    testPool *pool;

    if (!(def = virStoragePoolDefParseString(testDefaultPoolXML, 0)))
        return -1;
    if (!(pool = testPoolAdd(st, &def, false)))
        return -1;
    testPoolResetSizes(pool->def);
    pool->persistent = true;
    pool->active = true;
    return 0;
}

static char *
testStorageNodeString(xmlNodePtr node)
{
    g_auto(virBuffer) buf = VIR_BUFFER_INITIALIZER;

    virXMLFormatNode(&buf, node);
    return virBufferContentAndReset(&buf);
}

static int
testStorageLoadVolumes(testPool *pool, xmlNodePtr node, const char *path)
{
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(node, "volume", &nodes);
    size_t i;

    for (i = 0; i < n; i++) {
        g_autoptr(xmlDoc) doc = NULL;
        g_autoptr(virStorageVolDef) vol = NULL;
        g_autofree char *xml = NULL;
        xmlNodePtr vnode;

        if (!(vnode = testFileResolve(nodes[i], path, "volume", &doc)) ||
            !(xml = testStorageNodeString(vnode)) ||
            !(vol = virStorageVolDefParseString(pool->def, xml, 0))) {
            testFileErrorContext(path, "volume", i);
            return -1;
        }
        testPoolAddVol(pool, &vol, false);
    }
    return 0;
}

int
testStorageLoadNode(testDriver *driver, xmlNodePtr root, const char *path)
{
    testStorageState *st = driver->storage;
    g_autofree xmlNodePtr *nodes = NULL;
    size_t n = virXMLChildren(root, "pool", &nodes);
    size_t i;

    for (i = 0; i < n; i++) {
        g_autoptr(xmlDoc) doc = NULL;
        g_autoptr(virStoragePoolDef) def = NULL;
        g_autofree char *xml = NULL;
        xmlNodePtr node;
        testPool *pool;

        /* Nested <volume>s are the driver's, not the pool parser's. */
        if (!(node = testFileResolve(nodes[i], path, "pool", &doc)) ||
            !(xml = testStorageNodeString(node)) ||
            !(def = virStoragePoolDefParseString(xml, 0))) {
            testFileErrorContext(path, "pool", i);
            return -1;
        }
        if (!(pool = testPoolAdd(st, &def, false)))
            return -1;
        testPoolResetSizes(pool->def);
        pool->persistent = true;
        pool->active = true;
        if (testStorageLoadVolumes(pool, node, path) < 0)
            return -1;
    }
    return 0;
}

/* ---- Lookups and lists ---- */

static virStoragePoolPtr
testStoragePoolLookupByName(virConnectPtr conn, const char *name)
{
    TEST_STORAGE_LOCK(conn);
    testPool *pool = testPoolFindByName(st, name);

    return pool ? testPoolPtr(conn, pool) : NULL;
}

static virStoragePoolPtr
testStoragePoolLookupByUUID(virConnectPtr conn, const unsigned char *uuid)
{
    TEST_STORAGE_LOCK(conn);
    testPool *pool = testPoolFindByUUID(st, uuid);

    return pool ? testPoolPtr(conn, pool) : NULL;
}

static virStoragePoolPtr
testStoragePoolLookupByVolume(virStorageVolPtr vol)
{
    return testStoragePoolLookupByName(vol->conn, vol->pool);
}

/* The list filter of the pools whose state is *(bool *)active. */
static bool
testPoolIsInState(void *obj, void *active)
{
    return ((testPool *)obj)->active == *(bool *)active;
}

static const char *
testPoolName(void *obj)
{
    return ((testPool *)obj)->def->name;
}

static int
testStorageCount(virConnectPtr conn, bool active)
{
    TEST_STORAGE_LOCK(conn);

    return testObjListCount(st->pools, testPoolIsInState, &active);
}

static int
testStorageNames(virConnectPtr conn, bool active, char **const names,
                 int maxnames)
{
    TEST_STORAGE_LOCK(conn);

    return testObjListNames(st->pools, testPoolIsInState, &active,
                            testPoolName, names, maxnames);
}

static int
testConnectNumOfStoragePools(virConnectPtr conn)
{
    return testStorageCount(conn, true);
}

static int
testConnectNumOfDefinedStoragePools(virConnectPtr conn)
{
    return testStorageCount(conn, false);
}

static int
testConnectListStoragePools(virConnectPtr conn, char **const names,
                            int maxnames)
{
    return testStorageNames(conn, true, names, maxnames);
}

static int
testConnectListDefinedStoragePools(virConnectPtr conn, char **const names,
                                   int maxnames)
{
    return testStorageNames(conn, false, names, maxnames);
}

/* The listAll type filter bit of each pool type. */
static unsigned int
testPoolTypeFlag(virStoragePoolType type)
{
    switch (type) {
    case VIR_STORAGE_POOL_DIR: return VIR_CONNECT_LIST_STORAGE_POOLS_DIR;
    case VIR_STORAGE_POOL_FS: return VIR_CONNECT_LIST_STORAGE_POOLS_FS;
    case VIR_STORAGE_POOL_NETFS: return VIR_CONNECT_LIST_STORAGE_POOLS_NETFS;
    case VIR_STORAGE_POOL_LOGICAL:
        return VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL;
    case VIR_STORAGE_POOL_DISK: return VIR_CONNECT_LIST_STORAGE_POOLS_DISK;
    case VIR_STORAGE_POOL_ISCSI: return VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI;
    case VIR_STORAGE_POOL_ISCSI_DIRECT:
        return VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI_DIRECT;
    case VIR_STORAGE_POOL_SCSI: return VIR_CONNECT_LIST_STORAGE_POOLS_SCSI;
    case VIR_STORAGE_POOL_MPATH: return VIR_CONNECT_LIST_STORAGE_POOLS_MPATH;
    case VIR_STORAGE_POOL_RBD: return VIR_CONNECT_LIST_STORAGE_POOLS_RBD;
    case VIR_STORAGE_POOL_SHEEPDOG:
        return VIR_CONNECT_LIST_STORAGE_POOLS_SHEEPDOG;
    case VIR_STORAGE_POOL_GLUSTER:
        return VIR_CONNECT_LIST_STORAGE_POOLS_GLUSTER;
    case VIR_STORAGE_POOL_ZFS: return VIR_CONNECT_LIST_STORAGE_POOLS_ZFS;
    case VIR_STORAGE_POOL_VSTORAGE:
        return VIR_CONNECT_LIST_STORAGE_POOLS_VSTORAGE;
    case VIR_STORAGE_POOL_LAST:
        break;
    }
    return 0;
}

#define TEST_POOLS_FILTER_TYPES \
    (VIR_CONNECT_LIST_STORAGE_POOLS_DIR | \
     VIR_CONNECT_LIST_STORAGE_POOLS_FS | \
     VIR_CONNECT_LIST_STORAGE_POOLS_NETFS | \
     VIR_CONNECT_LIST_STORAGE_POOLS_LOGICAL | \
     VIR_CONNECT_LIST_STORAGE_POOLS_DISK | \
     VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI | \
     VIR_CONNECT_LIST_STORAGE_POOLS_SCSI | \
     VIR_CONNECT_LIST_STORAGE_POOLS_MPATH | \
     VIR_CONNECT_LIST_STORAGE_POOLS_RBD | \
     VIR_CONNECT_LIST_STORAGE_POOLS_SHEEPDOG | \
     VIR_CONNECT_LIST_STORAGE_POOLS_GLUSTER | \
     VIR_CONNECT_LIST_STORAGE_POOLS_ZFS | \
     VIR_CONNECT_LIST_STORAGE_POOLS_VSTORAGE | \
     VIR_CONNECT_LIST_STORAGE_POOLS_ISCSI_DIRECT)

#define TEST_POOLS_FILTER_ALL \
    (VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE | \
     VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE | \
     VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT | \
     VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT | \
     VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART | \
     VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART | \
     TEST_POOLS_FILTER_TYPES)

/* Whether a pair of complementary filter bits lets value through. */
static bool
testPoolFilterPair(unsigned int flags, unsigned int yes, unsigned int no,
                   bool value)
{
    if (!(flags & (yes | no)) || (flags & (yes | no)) == (yes | no))
        return true;
    return (flags & yes) ? value : !value;
}

static int
testConnectListAllStoragePools(virConnectPtr conn, virStoragePoolPtr **pools,
                               unsigned int flags)
{
    g_autoptr(GPtrArray) found = NULL;
    size_t i;

    virCheckFlags(TEST_POOLS_FILTER_ALL, -1);
    {
        TEST_STORAGE_LOCK(conn);

        found = g_ptr_array_new();
        for (i = 0; i < testObjListSize(st->pools); i++) {
            testPool *pool = testObjListAt(st->pools, i);

            if (!testPoolFilterPair(flags,
                                    VIR_CONNECT_LIST_STORAGE_POOLS_ACTIVE,
                                    VIR_CONNECT_LIST_STORAGE_POOLS_INACTIVE,
                                    pool->active) ||
                !testPoolFilterPair(flags,
                                    VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT,
                                    VIR_CONNECT_LIST_STORAGE_POOLS_TRANSIENT,
                                    pool->persistent) ||
                !testPoolFilterPair(flags,
                                    VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART,
                                    VIR_CONNECT_LIST_STORAGE_POOLS_NO_AUTOSTART,
                                    pool->autostart) ||
                ((flags & TEST_POOLS_FILTER_TYPES) &&
                 !(flags & testPoolTypeFlag(pool->def->type))))
                continue;
            g_ptr_array_add(found, testPoolPtr(conn, pool));
        }
    }
    if (pools) {
        g_ptr_array_add(found, NULL);
        *pools = (virStoragePoolPtr *)g_ptr_array_steal(found, NULL);
        return g_strv_length((char **)*pools);
    }
    for (i = 0; i < found->len; i++)
        virObjectUnref(g_ptr_array_index(found, i));
    return found->len;
}

/* ---- Pool lifecycle ---- */

static virStoragePoolPtr
testStoragePoolDefineXML(virConnectPtr conn, const char *xml,
                         unsigned int flags)
{
    g_autoptr(virStoragePoolDef) def = NULL;
    testPool *pool;

    virCheckFlags(VIR_STORAGE_POOL_DEFINE_VALIDATE, NULL);
    if (!(def = virStoragePoolDefParseString(xml, flags)))
        return NULL;
    {
        TEST_STORAGE_LOCK(conn);

        testPoolResetSizes(def);
        if (!(pool = testPoolAdd(st, &def, false)))
            return NULL;
        testPoolQueueEvent(driver, pool->def, VIR_STORAGE_POOL_EVENT_DEFINED);
        testPoolResetSizes(pool->def);
        pool->persistent = true;
        return testPoolPtr(conn, pool);
    }
}

static virStoragePoolPtr
testStoragePoolCreateXML(virConnectPtr conn, const char *xml,
                         unsigned int flags)
{
    g_autoptr(virStoragePoolDef) def = NULL;
    testPool *pool;

    virCheckFlags(0, NULL);
    if (!(def = virStoragePoolDefParseString(xml, 0)))
        return NULL;
    {
        TEST_STORAGE_LOCK(conn);

        if (!(pool = testPoolAdd(st, &def, true)))
            return NULL;
        testPoolResetSizes(pool->def);
        /* A created pool is transient, even over a defined one. */
        pool->persistent = false;
        pool->active = true;
        testPoolQueueEvent(driver, pool->def, VIR_STORAGE_POOL_EVENT_STARTED);
        return testPoolPtr(conn, pool);
    }
}

static int
testStoragePoolCreate(virStoragePoolPtr obj, unsigned int flags)
{
    virCheckFlags(0, -1);
    {
        TEST_STORAGE_LOCK(obj->conn);
        testPool *pool = testPoolFindInactive(st, obj->name);

        if (!pool)
            return -1;
        pool->active = true;
        testPoolQueueEvent(driver, pool->def, VIR_STORAGE_POOL_EVENT_STARTED);
        return 0;
    }
}

/* Build and Delete only need an inactive pool and announce it. */
static int
testStoragePoolInactiveEvent(virStoragePoolPtr obj, int event)
{
    TEST_STORAGE_LOCK(obj->conn);
    testPool *pool = testPoolFindInactive(st, obj->name);

    if (!pool)
        return -1;
    testPoolQueueEvent(driver, pool->def, event);
    return 0;
}

static int
testStoragePoolBuild(virStoragePoolPtr obj, unsigned int flags)
{
    virCheckFlags(0, -1);
    return testStoragePoolInactiveEvent(obj, VIR_STORAGE_POOL_EVENT_CREATED);
}

static int
testStoragePoolDelete(virStoragePoolPtr obj, unsigned int flags)
{
    virCheckFlags(0, -1);
    return testStoragePoolInactiveEvent(obj, VIR_STORAGE_POOL_EVENT_DELETED);
}

static int
testStoragePoolDestroy(virStoragePoolPtr obj)
{
    TEST_STORAGE_LOCK(obj->conn);
    testPool *pool = testPoolFindActive(st, obj->name);

    if (!pool)
        return -1;
    pool->active = false;
    testPoolQueueEvent(driver, pool->def, VIR_STORAGE_POOL_EVENT_STOPPED);
    if (!pool->persistent)
        testObjListRemove(st->pools, pool);
    return 0;
}

static int
testStoragePoolUndefine(virStoragePoolPtr obj)
{
    TEST_STORAGE_LOCK(obj->conn);
    testPool *pool = testPoolFindInactive(st, obj->name);

    if (!pool)
        return -1;
    testPoolQueueEvent(driver, pool->def, VIR_STORAGE_POOL_EVENT_UNDEFINED);
    testObjListRemove(st->pools, pool);
    return 0;
}

static int
testStoragePoolRefresh(virStoragePoolPtr obj, unsigned int flags)
{
    virCheckFlags(0, -1);
    {
        TEST_STORAGE_LOCK(obj->conn);
        testPool *pool = testPoolFindActive(st, obj->name);

        if (!pool)
            return -1;
        virObjectEventStateQueue(driver->eventState,
                                 virStoragePoolEventRefreshNew(pool->def->name,
                                                               pool->def->uuid));
        return 0;
    }
}

/* ---- Pool properties ---- */

static int
testStoragePoolGetInfo(virStoragePoolPtr obj, virStoragePoolInfoPtr info)
{
    TEST_STORAGE_LOCK(obj->conn);
    testPool *pool = testPoolFindByName(st, obj->name);

    if (!pool)
        return -1;
    memset(info, 0, sizeof(*info));
    info->state = pool->active ? VIR_STORAGE_POOL_RUNNING
                               : VIR_STORAGE_POOL_INACTIVE;
    info->capacity = pool->def->capacity;
    info->allocation = pool->def->allocation;
    info->available = pool->def->available;
    return 0;
}

static char *
testStoragePoolGetXMLDesc(virStoragePoolPtr obj, unsigned int flags)
{
    virCheckFlags(0, NULL);
    {
        TEST_STORAGE_LOCK(obj->conn);
        testPool *pool = testPoolFindByName(st, obj->name);

        return pool ? virStoragePoolDefFormat(pool->def) : NULL;
    }
}

static int
testStoragePoolGetAutostart(virStoragePoolPtr obj, int *autostart)
{
    TEST_STORAGE_LOCK(obj->conn);
    testPool *pool = testPoolFindByName(st, obj->name);

    if (!pool)
        return -1;
    *autostart = pool->persistent && pool->autostart ? 1 : 0;
    return 0;
}

static int
testStoragePoolSetAutostart(virStoragePoolPtr obj, int autostart)
{
    TEST_STORAGE_LOCK(obj->conn);
    testPool *pool = testPoolFindByName(st, obj->name);

    if (!pool)
        return -1;
    if (!pool->persistent) {
        virReportError(VIR_ERR_INVALID_ARG, "%s", "pool has no config file");
        return -1;
    }
    pool->autostart = autostart != 0;
    return 0;
}

static int
testStoragePoolIsActive(virStoragePoolPtr obj)
{
    TEST_STORAGE_LOCK(obj->conn);
    testPool *pool = testPoolFindByUUID(st, obj->uuid);

    return pool ? pool->active : -1;
}

static int
testStoragePoolIsPersistent(virStoragePoolPtr obj)
{
    TEST_STORAGE_LOCK(obj->conn);
    testPool *pool = testPoolFindByUUID(st, obj->uuid);

    return pool ? pool->persistent : -1;
}

/* ---- Volumes of a pool ---- */

static int
testStoragePoolNumOfVolumes(virStoragePoolPtr obj)
{
    TEST_STORAGE_LOCK(obj->conn);
    testPool *pool = testPoolFindActive(st, obj->name);

    return pool ? (int)pool->vols->len : -1;
}

static int
testStoragePoolListVolumes(virStoragePoolPtr obj, char **const names,
                           int maxnames)
{
    TEST_STORAGE_LOCK(obj->conn);
    testPool *pool = testPoolFindActive(st, obj->name);
    size_t i;
    int n = 0;

    if (!pool)
        return -1;
    for (i = 0; i < pool->vols->len && n < maxnames; i++) {
        virStorageVolDef *vol = g_ptr_array_index(pool->vols, i);

        names[n++] = g_strdup(vol->name);
    }
    return n;
}

static int
testStoragePoolListAllVolumes(virStoragePoolPtr obj, virStorageVolPtr **vols,
                              unsigned int flags)
{
    virCheckFlags(0, -1);
    {
        TEST_STORAGE_LOCK(obj->conn);
        testPool *pool = testPoolFindByUUID(st, obj->uuid);
        size_t i;

        if (!pool)
            return -1;
        if (!pool->active) {
            virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                           "storage pool is not active");
            return -1;
        }
        if (!vols)
            return pool->vols->len;
        *vols = g_new0(virStorageVolPtr, pool->vols->len + 1);
        for (i = 0; i < pool->vols->len; i++)
            (*vols)[i] = testVolPtr(obj->conn, pool,
                                    g_ptr_array_index(pool->vols, i));
        return pool->vols->len;
    }
}

/* ---- Volumes ---- */

static virStorageVolPtr
testStorageVolLookupByName(virStoragePoolPtr obj, const char *name)
{
    TEST_STORAGE_LOCK(obj->conn);
    testPool *pool = testPoolFindActive(st, obj->name);
    virStorageVolDef *vol;

    if (!pool || !(vol = testVolFind(pool, name)))
        return NULL;
    return testVolPtr(obj->conn, pool, vol);
}

/* The first volume of an active pool whose key (or path) is value. */
static virStorageVolPtr
testStorageVolSearch(virConnectPtr conn, const char *value, bool byPath,
                     const char *what)
{
    TEST_STORAGE_LOCK(conn);
    size_t i, j;

    for (i = 0; i < testObjListSize(st->pools); i++) {
        testPool *pool = testObjListAt(st->pools, i);

        if (!pool->active)
            continue;
        for (j = 0; j < pool->vols->len; j++) {
            virStorageVolDef *vol = g_ptr_array_index(pool->vols, j);

            if (g_strcmp0(byPath ? vol->target.path : vol->key, value) == 0)
                return testVolPtr(conn, pool, vol);
        }
    }
    virReportError(VIR_ERR_NO_STORAGE_VOL,
                   "no storage vol with matching %s '%s'", what, value);
    return NULL;
}

static virStorageVolPtr
testStorageVolLookupByKey(virConnectPtr conn, const char *key)
{
    return testStorageVolSearch(conn, key, false, "key");
}

static virStorageVolPtr
testStorageVolLookupByPath(virConnectPtr conn, const char *path)
{
    return testStorageVolSearch(conn, path, true, "path");
}

/* CreateXML and CreateXMLFrom: clone names the source volume or is
 * NULL.  The test driver copies nothing but checks the source exists. */
static virStorageVolPtr
testStorageVolCreate(virStoragePoolPtr obj, const char *xml,
                     virStorageVolPtr clone, unsigned int flags)
{
    TEST_STORAGE_LOCK(obj->conn);
    testPool *pool = testPoolFindActive(st, obj->name);
    g_autoptr(virStorageVolDef) vol = NULL;
    virStorageVolDef *added;
    unsigned int parseFlags = 0;

    if (flags & VIR_STORAGE_VOL_CREATE_VALIDATE)
        parseFlags |= VIR_VOL_XML_PARSE_VALIDATE;
    if (!pool ||
        !(vol = virStorageVolDefParseString(pool->def, xml, parseFlags)))
        return NULL;
    if (testVolFindRaw(pool, vol->name)) {
        virReportError(VIR_ERR_OPERATION_FAILED, "%s",
                       "storage vol already exists");
        return NULL;
    }
    if (clone && !testVolFindRaw(pool, clone->name)) {
        virReportError(VIR_ERR_NO_STORAGE_VOL,
                       "no storage vol with matching name '%s'", clone->name);
        return NULL;
    }
    if (pool->def->allocation + vol->allocation > pool->def->capacity) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "Not enough free space in pool for volume '%s'",
                       vol->name);
        return NULL;
    }
    added = vol;
    testPoolAddVol(pool, &vol, true);
    if (clone)
        testVolCopyData(pool, clone->name, added);
    return testVolPtr(obj->conn, pool, added);
}

static virStorageVolPtr
testStorageVolCreateXML(virStoragePoolPtr obj, const char *xml,
                        unsigned int flags)
{
    virCheckFlags(VIR_STORAGE_VOL_CREATE_VALIDATE, NULL);
    return testStorageVolCreate(obj, xml, NULL, flags);
}

static virStorageVolPtr
testStorageVolCreateXMLFrom(virStoragePoolPtr obj, const char *xml,
                            virStorageVolPtr clone, unsigned int flags)
{
    virCheckFlags(VIR_STORAGE_VOL_CREATE_VALIDATE, NULL);
    return testStorageVolCreate(obj, xml, clone, flags);
}

static int
testStorageVolDelete(virStorageVolPtr obj, unsigned int flags)
{
    virCheckFlags(0, -1);
    {
        TEST_STORAGE_LOCK(obj->conn);
        testPool *pool = testPoolFindActive(st, obj->pool);
        virStorageVolDef *vol;

        if (!pool || !(vol = testVolFind(pool, obj->name)))
            return -1;
        pool->def->allocation -= vol->allocation;
        pool->def->available = pool->def->capacity - pool->def->allocation;
        g_hash_table_remove(pool->volData, vol->name);
        g_ptr_array_remove(pool->vols, vol);
        return 0;
    }
}

/* The volume type every volume of a pool type reports. */
static int
testStorageVolTypeForPool(virStoragePoolType type)
{
    switch (type) {
    case VIR_STORAGE_POOL_DIR:
    case VIR_STORAGE_POOL_FS:
    case VIR_STORAGE_POOL_NETFS:
    case VIR_STORAGE_POOL_VSTORAGE:
        return VIR_STORAGE_VOL_FILE;
    case VIR_STORAGE_POOL_SHEEPDOG:
    case VIR_STORAGE_POOL_ISCSI_DIRECT:
    case VIR_STORAGE_POOL_GLUSTER:
    case VIR_STORAGE_POOL_RBD:
        return VIR_STORAGE_VOL_NETWORK;
    case VIR_STORAGE_POOL_LOGICAL:
    case VIR_STORAGE_POOL_DISK:
    case VIR_STORAGE_POOL_MPATH:
    case VIR_STORAGE_POOL_ISCSI:
    case VIR_STORAGE_POOL_SCSI:
    case VIR_STORAGE_POOL_ZFS:
    case VIR_STORAGE_POOL_LAST:
        break;
    }
    return VIR_STORAGE_VOL_BLOCK;
}

static int
testStorageVolGetInfo(virStorageVolPtr obj, virStorageVolInfoPtr info)
{
    TEST_STORAGE_LOCK(obj->conn);
    testPool *pool = testPoolFindActive(st, obj->pool);
    virStorageVolDef *vol;

    if (!pool || !(vol = testVolFind(pool, obj->name)))
        return -1;
    memset(info, 0, sizeof(*info));
    info->type = testStorageVolTypeForPool(pool->def->type);
    info->capacity = vol->capacity;
    info->allocation = vol->allocation;
    return 0;
}

static char *
testStorageVolGetXMLDesc(virStorageVolPtr obj, unsigned int flags)
{
    virCheckFlags(0, NULL);
    {
        TEST_STORAGE_LOCK(obj->conn);
        testPool *pool = testPoolFindActive(st, obj->pool);
        virStorageVolDef *vol;

        if (!pool || !(vol = testVolFind(pool, obj->name)))
            return NULL;
        return virStorageVolDefFormat(pool->def, vol);
    }
}

static char *
testStorageVolGetPath(virStorageVolPtr obj)
{
    TEST_STORAGE_LOCK(obj->conn);
    testPool *pool = testPoolFindActive(st, obj->pool);
    virStorageVolDef *vol;

    if (!pool || !(vol = testVolFind(pool, obj->name)))
        return NULL;
    return g_strdup(vol->target.path);
}

/* ---- Source discovery: canned answers, as upstream's ---- */

static const char testPoolSourcesLogicalXML[] =
    "<sources>\n"
    "  <source>\n"
    "    <device path='/dev/sda20'/>\n"
    "    <name>testvg1</name>\n"
    "    <format type='lvm2'/>\n"
    "  </source>\n"
    "  <source>\n"
    "    <device path='/dev/sda21'/>\n"
    "    <name>testvg2</name>\n"
    "    <format type='lvm2'/>\n"
    "  </source>\n"
    "</sources>\n";

static char *
testConnectFindStoragePoolSources(virConnectPtr conn G_GNUC_UNUSED,
                                  const char *type, const char *srcSpec,
                                  unsigned int flags)
{
    g_autoptr(xmlDoc) doc = NULL;
    g_autofree char *host = NULL;
    int poolType;

    virCheckFlags(0, NULL);
    /* Upstream tests the type for zero, so "dir" is unknown too. */
    poolType = virStoragePoolTypeFromString(type);
    if (poolType == 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "unknown storage pool type %s", type);
        return NULL;
    }
    if (srcSpec) {
        xmlNodePtr hostNode;

        if (!(doc = virXMLParseStringCtxt(VIR_FROM_STORAGE, srcSpec,
                                          "(storage_source_specification)",
                                          "source")))
            return NULL;
        if ((hostNode = virXMLChild(xmlDocGetRootElement(doc), "host")))
            host = virXMLPropString(hostNode, "name");
    }
    switch (poolType) {
    case VIR_STORAGE_POOL_LOGICAL:
        return g_strdup(testPoolSourcesLogicalXML);
    case VIR_STORAGE_POOL_NETFS:
        if (!host) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "hostname must be specified for netfs sources");
            return NULL;
        }
        return g_strdup_printf("<sources>\n"
                               "  <source>\n"
                               "    <host name='%s'/>\n"
                               "    <dir path='/testshare'/>\n"
                               "    <format type='nfs'/>\n"
                               "  </source>\n"
                               "</sources>\n", host);
    default:
        virReportError(VIR_ERR_NO_SUPPORT,
                       "pool type '%s' does not support source discovery",
                       type);
        return NULL;
    }
}

/* ---- Events ---- */

static int
testConnectStoragePoolEventRegisterAny(virConnectPtr conn,
                                       virStoragePoolPtr pool, int eventID,
                                       virConnectStoragePoolEventGenericCallback cb,
                                       void *opaque, virFreeCallback freecb)
{
    testDriver *driver = conn->privateData;

    return virObjectEventStateRegisterID(
        driver->eventState, conn, VIR_EVENT_KIND_STORAGE_POOL, eventID,
        pool ? pool->uuid : NULL, NULL, (void (*)(void))cb, opaque, freecb,
        false);
}

static int
testConnectStoragePoolEventDeregisterAny(virConnectPtr conn, int callbackID)
{
    testDriver *driver = conn->privateData;

    if (virObjectEventStateDeregisterID(driver->eventState, conn,
                                        callbackID) < 0)
        return -1;
    return 0;
}

virStorageDriver testStorageDriver = {
    .name = "Test",
    .connectNumOfStoragePools = testConnectNumOfStoragePools,
    .connectListStoragePools = testConnectListStoragePools,
    .connectNumOfDefinedStoragePools = testConnectNumOfDefinedStoragePools,
    .connectListDefinedStoragePools = testConnectListDefinedStoragePools,
    .connectListAllStoragePools = testConnectListAllStoragePools,
    .connectFindStoragePoolSources = testConnectFindStoragePoolSources,
    .connectStoragePoolEventRegisterAny = testConnectStoragePoolEventRegisterAny,
    .connectStoragePoolEventDeregisterAny =
        testConnectStoragePoolEventDeregisterAny,
    .storagePoolLookupByName = testStoragePoolLookupByName,
    .storagePoolLookupByUUID = testStoragePoolLookupByUUID,
    .storagePoolLookupByVolume = testStoragePoolLookupByVolume,
    .storagePoolDefineXML = testStoragePoolDefineXML,
    .storagePoolCreateXML = testStoragePoolCreateXML,
    .storagePoolCreate = testStoragePoolCreate,
    .storagePoolBuild = testStoragePoolBuild,
    .storagePoolDelete = testStoragePoolDelete,
    .storagePoolDestroy = testStoragePoolDestroy,
    .storagePoolUndefine = testStoragePoolUndefine,
    .storagePoolRefresh = testStoragePoolRefresh,
    .storagePoolGetInfo = testStoragePoolGetInfo,
    .storagePoolGetXMLDesc = testStoragePoolGetXMLDesc,
    .storagePoolGetAutostart = testStoragePoolGetAutostart,
    .storagePoolSetAutostart = testStoragePoolSetAutostart,
    .storagePoolIsActive = testStoragePoolIsActive,
    .storagePoolIsPersistent = testStoragePoolIsPersistent,
    .storagePoolNumOfVolumes = testStoragePoolNumOfVolumes,
    .storagePoolListVolumes = testStoragePoolListVolumes,
    .storagePoolListAllVolumes = testStoragePoolListAllVolumes,
    .storageVolLookupByName = testStorageVolLookupByName,
    .storageVolLookupByKey = testStorageVolLookupByKey,
    .storageVolLookupByPath = testStorageVolLookupByPath,
    .storageVolCreateXML = testStorageVolCreateXML,
    .storageVolCreateXMLFrom = testStorageVolCreateXMLFrom,
    .storageVolDelete = testStorageVolDelete,
    .storageVolGetInfo = testStorageVolGetInfo,
    .storageVolGetXMLDesc = testStorageVolGetXMLDesc,
    .storageVolGetPath = testStorageVolGetPath,
    .storageVolUpload = testStorageVolUpload,
    .storageVolDownload = testStorageVolDownload,
    .storageVolWipe = testStorageVolWipe,
    .storageVolWipePattern = testStorageVolWipePattern,
    .storageVolResize = testStorageVolResize,
};
