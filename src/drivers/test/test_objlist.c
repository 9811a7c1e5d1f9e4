/*
 * test_objlist.c: an ordered list of one kind of test-driver object with
 * name and UUID indexes.  See test_objlist.h.
 */
#include "test_objlist.h"
#include "util/virobject.h"
#include "util/viruuid.h"

/* Where an object is filed, so that removal finds its keys again. */
typedef struct _testObjEntry testObjEntry;
struct _testObjEntry {
    void *obj;
    char *name;
    char *uuid;                 /* formatted, or NULL */
};

struct _testObjList {
    GMutex lock;
    GDestroyNotify freeFunc;
    GPtrArray *entries;         /* testObjEntry, definition order */
    GHashTable *byName;         /* name -> entry */
    GHashTable *byUUID;         /* uuid string -> entry */
    GHashTable *byObj;          /* obj -> entry */
};

static void
testObjEntryFree(testObjList *list, testObjEntry *entry)
{
    if (list->freeFunc)
        list->freeFunc(entry->obj);
    g_free(entry->name);
    g_free(entry->uuid);
    g_free(entry);
}

testObjList *
testObjListNew(GDestroyNotify freeFunc)
{
    testObjList *list = g_new0(testObjList, 1);

    g_mutex_init(&list->lock);
    list->freeFunc = freeFunc;
    list->entries = g_ptr_array_new();
    list->byName = g_hash_table_new(g_str_hash, g_str_equal);
    list->byUUID = g_hash_table_new(g_str_hash, g_str_equal);
    list->byObj = g_hash_table_new(g_direct_hash, g_direct_equal);
    return list;
}

void
testObjListFree(testObjList *list)
{
    size_t i;

    if (!list)
        return;
    for (i = 0; i < list->entries->len; i++)
        testObjEntryFree(list, g_ptr_array_index(list->entries, i));
    g_ptr_array_unref(list->entries);
    g_hash_table_unref(list->byName);
    g_hash_table_unref(list->byUUID);
    g_hash_table_unref(list->byObj);
    g_mutex_clear(&list->lock);
    g_free(list);
}

GMutex *
testObjListMutex(testObjList *list)
{
    return &list->lock;
}

void
testObjListAdd(testObjList *list, void *obj, const char *name,
               const unsigned char *uuid)
{
    testObjEntry *entry = g_new0(testObjEntry, 1);

    entry->obj = obj;
    g_ptr_array_add(list->entries, entry);
    g_hash_table_insert(list->byObj, obj, entry);
    if (name) {
        entry->name = g_strdup(name);
        g_hash_table_insert(list->byName, entry->name, entry);
    }
    if (uuid) {
        entry->uuid = g_new0(char, VIR_UUID_STRING_BUFLEN);
        virUUIDFormat(uuid, entry->uuid);
        g_hash_table_insert(list->byUUID, entry->uuid, entry);
    }
}

void
testObjListRemove(testObjList *list, void *obj)
{
    testObjEntry *entry = g_hash_table_lookup(list->byObj, obj);

    if (!entry)
        return;
    g_hash_table_remove(list->byObj, obj);
    if (entry->name)
        g_hash_table_remove(list->byName, entry->name);
    if (entry->uuid)
        g_hash_table_remove(list->byUUID, entry->uuid);
    g_ptr_array_remove(list->entries, entry);
    testObjEntryFree(list, entry);
}

void
testObjListReplace(testObjList *list, void *obj, void *newObj)
{
    testObjEntry *entry = g_hash_table_lookup(list->byObj, obj);

    if (!entry)
        return;
    g_hash_table_remove(list->byObj, obj);
    entry->obj = newObj;
    g_hash_table_insert(list->byObj, newObj, entry);
}

void
testObjListRename(testObjList *list, void *obj, const char *name)
{
    testObjEntry *entry = g_hash_table_lookup(list->byObj, obj);

    if (!entry)
        return;
    if (entry->name)
        g_hash_table_remove(list->byName, entry->name);
    g_free(entry->name);
    entry->name = g_strdup(name);
    if (entry->name)
        g_hash_table_insert(list->byName, entry->name, entry);
}

void *
testObjListFindByName(testObjList *list, const char *name)
{
    testObjEntry *entry = name ? g_hash_table_lookup(list->byName, name)
                               : NULL;

    return entry ? entry->obj : NULL;
}

void *
testObjListFindByUUID(testObjList *list, const unsigned char *uuid)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    testObjEntry *entry;

    entry = g_hash_table_lookup(list->byUUID, virUUIDFormat(uuid, uuidstr));
    return entry ? entry->obj : NULL;
}

void *
testObjListGetByName(testObjList *list, const char *name, int domain,
                     int code, const char *noun)
{
    void *obj = testObjListFindByName(list, name);

    if (!obj)
        virReportErrorHelper(domain, code, __FILE__, __func__, __LINE__,
                             "no %s with matching name '%s'", noun, name);
    return obj;
}

void *
testObjListGetByUUID(testObjList *list, const unsigned char *uuid,
                     int domain, int code, const char *noun)
{
    void *obj = testObjListFindByUUID(list, uuid);

    if (!obj) {
        char uuidstr[VIR_UUID_STRING_BUFLEN];

        virReportErrorHelper(domain, code, __FILE__, __func__, __LINE__,
                             "no %s with matching uuid '%s'", noun,
                             virUUIDFormat(uuid, uuidstr));
    }
    return obj;
}

size_t
testObjListSize(testObjList *list)
{
    return list->entries->len;
}

void *
testObjListAt(testObjList *list, size_t i)
{
    testObjEntry *entry = g_ptr_array_index(list->entries, i);

    return entry->obj;
}

int
testObjListCount(testObjList *list, testObjListFilter filter, void *opaque)
{
    int count = 0;
    size_t i;

    for (i = 0; i < list->entries->len; i++) {
        if (!filter || filter(testObjListAt(list, i), opaque))
            count++;
    }
    return count;
}

int
testObjListNames(testObjList *list, testObjListFilter filter, void *opaque,
                 const char *(*nameOf)(void *obj), char **const names,
                 int max)
{
    int n = 0;
    size_t i;

    for (i = 0; i < list->entries->len && n < max; i++) {
        void *obj = testObjListAt(list, i);

        if (!filter || filter(obj, opaque))
            names[n++] = g_strdup(nameOf(obj));
    }
    return n;
}

int
testObjListExport(testObjList *list, virConnectPtr conn,
                  testObjListFilter filter, void *opaque,
                  testObjListPublic get, void ***out)
{
    g_autoptr(GPtrArray) found = NULL;
    size_t i;
    int n;

    if (!out)
        return testObjListCount(list, filter, opaque);
    found = g_ptr_array_new_with_free_func(virObjectAutoUnref);
    for (i = 0; i < list->entries->len; i++) {
        void *obj = testObjListAt(list, i);
        void *pub;

        if (filter && !filter(obj, opaque))
            continue;
        if (!(pub = get(conn, obj)))
            return -1;
        g_ptr_array_add(found, pub);
    }
    n = found->len;
    g_ptr_array_add(found, NULL);
    *out = g_ptr_array_steal(found, NULL);
    return n;
}
