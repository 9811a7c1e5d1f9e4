/*
 * test_storage_priv.h: what the storage files of the test driver share:
 * the pool record and the storage state (a testObjList of pools, whose
 * lock is the one storage lock), the lookups that report upstream's
 * errors, and the volume content and I/O slots of test_storage_vol.c.
 */
#pragma once

#include "test_driver.h"
#include "test_objlist.h"
#include "conf/storage_conf.h"

typedef struct _testPool testPool;
struct _testPool {
    virStoragePoolDef *def;
    virStoragePoolDef *newDef;  /* a redefinition made while active */
    bool active;
    bool persistent;            /* upstream: the pool has a config file */
    bool autostart;
    GPtrArray *vols;            /* virStorageVolDef, in creation order */
    GHashTable *volData;        /* volume name -> its written blocks */
};

/* The pools' list lock guards every pool and its volumes too. */
struct _testStorageState {
    testObjList *pools;         /* testPool, in definition order */
};

/* Declares driver and st for a slot of conn and holds the storage lock
 * to the end of the scope. */
#define TEST_STORAGE_LOCK(conn) \
    testDriver *driver = (conn)->privateData; \
    testStorageState *st = driver->storage; \
    TEST_OBJLIST_LOCK(st->pools)

/* The active pool called name, or NULL with upstream's error. */
testPool *testPoolFindActive(testStorageState *st, const char *name);
/* The volume of pool called name, or NULL with upstream's error. */
virStorageVolDef *testVolFind(testPool *pool, const char *name);

/* test_storage_vol.c: the value destroyer of testPool.volData; a clone's
 * content from the volume called from; the volume I/O slots. */
void testVolDataFree(void *opaque);
void testVolCopyData(testPool *pool, const char *from, virStorageVolDef *to);
int testStorageVolUpload(virStorageVolPtr obj, virStreamPtr stream,
                         unsigned long long offset, unsigned long long length,
                         unsigned int flags);
int testStorageVolDownload(virStorageVolPtr obj, virStreamPtr stream,
                           unsigned long long offset,
                           unsigned long long length, unsigned int flags);
int testStorageVolWipe(virStorageVolPtr obj, unsigned int flags);
int testStorageVolWipePattern(virStorageVolPtr obj, unsigned int algorithm,
                              unsigned int flags);
int testStorageVolResize(virStorageVolPtr obj, unsigned long long capacity,
                         unsigned int flags);
