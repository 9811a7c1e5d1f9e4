/*
 * test_objlist.h: the test driver's list of objects of one kind (host
 * interfaces, node devices, secrets, network filters ...).
 *
 * Objects stay in definition order, which is the order upstream lists
 * them in, and are found in constant time by name and by UUID, either of
 * which a kind may lack.  One mutex guards a list; a driver call holds it
 * from lookup to answer (TEST_OBJLIST_LOCK), so the objects themselves
 * need no lock of their own.
 */
#pragma once

#include "internal.h"

typedef struct _testObjList testObjList;

/* freeFunc releases an object when the list drops it. */
testObjList *testObjListNew(GDestroyNotify freeFunc);
void testObjListFree(testObjList *list);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(testObjList, testObjListFree);

GMutex *testObjListMutex(testObjList *list);
#define TEST_OBJLIST_LOCK(list) \
    g_autoptr(GMutexLocker) objListLocker G_GNUC_UNUSED = \
        g_mutex_locker_new(testObjListMutex(list))

/* Adds obj (owned by the list from now on) under name and uuid, either
 * may be NULL.  The caller has checked that neither key is taken. */
void testObjListAdd(testObjList *list, void *obj, const char *name,
                    const unsigned char *uuid);
/* Drops obj and frees it. */
void testObjListRemove(testObjList *list, void *obj);
/* Puts newObj in obj's place (same keys and position) and hands obj
 * back to the caller, unfreed. */
void testObjListReplace(testObjList *list, void *obj, void *newObj);
/* Moves obj to another name (for kinds whose key can change). */
void testObjListRename(testObjList *list, void *obj, const char *name);

/* NULL when absent; no error is reported. */
void *testObjListFindByName(testObjList *list, const char *name);
void *testObjListFindByUUID(testObjList *list, const unsigned char *uuid);

/* The same, or NULL with upstream's "no <noun> with matching name (or
 * uuid) ..." error of code in error domain domain (the kind's). */
void *testObjListGetByName(testObjList *list, const char *name, int domain,
                           int code, const char *noun);
void *testObjListGetByUUID(testObjList *list, const unsigned char *uuid,
                           int domain, int code, const char *noun);
/* The objects in definition order; the array belongs to the list and is
 * valid until it changes. */
size_t testObjListSize(testObjList *list);
void *testObjListAt(testObjList *list, size_t i);

/* How many objects filter accepts (all with a NULL filter). */
typedef bool (*testObjListFilter)(void *obj, void *opaque);
int testObjListCount(testObjList *list, testObjListFilter filter,
                     void *opaque);
/* The first max names (by nameOf) of the objects filter accepts, in
 * definition order; answers how many were written. */
int testObjListNames(testObjList *list, testObjListFilter filter,
                     void *opaque, const char *(*nameOf)(void *obj),
                     char **const names, int max);

/* The public object of obj (a new reference), or NULL with an error. */
typedef void *(*testObjListPublic)(virConnectPtr conn, void *obj);
/* What the ListAll calls answer: the public objects of the objects filter
 * accepts, in definition order, in a NULL-terminated array in *out, or
 * only their number when out is NULL; -1 when one cannot be made. */
int testObjListExport(testObjList *list, virConnectPtr conn,
                      testObjListFilter filter, void *opaque,
                      testObjListPublic get, void ***out);
