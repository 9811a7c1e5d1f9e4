/*
 * virdomainobj.c: domain objects and the indexed list of a driver's
 * domains.
 *
 * Locking order: the list's lock is taken before an object's, never the
 * other way round; the id index has a lock of its own that is only ever
 * taken last (a running domain's id changes while its object is locked).
 * Lookups hold a list lock only to find and reference the object, then
 * lock the object outside it, so a slow holder of one domain never blocks
 * lookups of the others.
 */
#include "virdomainobj.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_LOG_INIT("conf.virdomainobj");

struct _virDomainObjList {
    GRWLock lock;
    GHashTable *byUUID; /* 16-byte uuid -> virDomainObj (one reference) */
    GHashTable *byName; /* name (owned key) -> virDomainObj (borrowed) */
    GMutex idLock;      /* guards byID only; a leaf lock */
    GHashTable *byID;   /* GINT_TO_POINTER(id) -> virDomainObj (borrowed) */
};

static void
virDomainObjDispose(void *obj)
{
    virDomainObj *vm = obj;

    if (vm->privateDataFree)
        vm->privateDataFree(vm->privateData);
    virDomainMomentListFree(vm->snapshots);
    virDomainMomentListFree(vm->checkpoints);
    virDomainDefFree(vm->def);
    virDomainDefFree(vm->newDef);
}

static const virClass virDomainObjClass = {
    "virDomainObj", NULL, sizeof(virDomainObj), virDomainObjDispose,
};

/* All 16 bytes count: generated UUIDs may share any prefix. */
static guint
virDomainObjUUIDHash(gconstpointer key)
{
    const unsigned char *uuid = key;
    guint h = 5381;
    size_t i;

    for (i = 0; i < VIR_UUID_BUFLEN; i++)
        h = h * 33 + uuid[i];
    return h;
}

static gboolean
virDomainObjUUIDEqual(gconstpointer a, gconstpointer b)
{
    return memcmp(a, b, VIR_UUID_BUFLEN) == 0;
}

virDomainObjList *
virDomainObjListNew(void)
{
    virDomainObjList *doms = g_new0(virDomainObjList, 1);

    g_rw_lock_init(&doms->lock);
    g_mutex_init(&doms->idLock);
    doms->byUUID = g_hash_table_new_full(virDomainObjUUIDHash,
                                         virDomainObjUUIDEqual, g_free,
                                         virObjectAutoUnref);
    doms->byName = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                         NULL);
    doms->byID = g_hash_table_new(g_direct_hash, g_direct_equal);
    return doms;
}

void
virDomainObjListFree(virDomainObjList *doms)
{
    if (!doms)
        return;
    g_hash_table_destroy(doms->byID);
    g_hash_table_destroy(doms->byName);
    g_hash_table_destroy(doms->byUUID);
    g_mutex_clear(&doms->idLock);
    g_rw_lock_clear(&doms->lock);
    g_free(doms);
}

void
virDomainObjEndAPI(virDomainObj **vm)
{
    if (!*vm)
        return;
    virObjectUnlock(*vm);
    virObjectUnref(*vm);
    *vm = NULL;
}

void
virDomainObjUnlockUnref(virDomainObj *vm)
{
    virDomainObjEndAPI(&vm);
}

void
virDomainObjSetState(virDomainObj *vm, int state, int reason)
{
    vm->state = state;
    vm->reason = reason;
}

int
virDomainObjGetState(virDomainObj *vm, int *reason)
{
    if (reason)
        *reason = vm->reason;
    return vm->state;
}

bool
virDomainObjIsActive(const virDomainObj *vm)
{
    return vm->def->id != -1;
}

int
virDomainObjCheckActive(const virDomainObj *vm)
{
    if (!virDomainObjIsActive(vm)) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "domain is not running");
        return -1;
    }
    return 0;
}

int
virDomainObjGetDefs(virDomainObj *vm, unsigned int flags,
                    const virDomainXMLOption *xmlopt, virDomainDef **live,
                    virDomainDef **config)
{
    bool active = virDomainObjIsActive(vm);

    *live = NULL;
    *config = NULL;
    if ((flags & VIR_DOMAIN_AFFECT_LIVE) && (flags & VIR_DOMAIN_AFFECT_CONFIG)) {
        /* Both at once is allowed; each is checked below. */
    } else if (!(flags & (VIR_DOMAIN_AFFECT_LIVE | VIR_DOMAIN_AFFECT_CONFIG))) {
        flags |= active ? VIR_DOMAIN_AFFECT_LIVE : VIR_DOMAIN_AFFECT_CONFIG;
    }
    if ((flags & VIR_DOMAIN_AFFECT_LIVE) && virDomainObjCheckActive(vm) < 0)
        return -1;
    if (flags & VIR_DOMAIN_AFFECT_CONFIG) {
        if (!vm->persistent) {
            virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                           "transient domains do not have any persistent "
                           "config");
            return -1;
        }
        if (active && !vm->newDef &&
            !(vm->newDef = virDomainDefCopy(vm->def, xmlopt, true)))
            return -1;
        *config = active ? vm->newDef : vm->def;
    }
    if (flags & VIR_DOMAIN_AFFECT_LIVE)
        *live = vm->def;
    return 0;
}

virDomainDef *
virDomainObjGetPersistentDef(virDomainObj *vm)
{
    return vm->newDef ? vm->newDef : vm->def;
}

/* Called with the list write-locked. */
static virDomainObj *
virDomainObjListAddLocked(virDomainObjList *doms, virDomainDef **def,
                          unsigned int flags, virDomainDef **oldDef)
{
    char uuidstr[VIR_UUID_STRING_BUFLEN];
    virDomainObj *vm;

    if (oldDef)
        *oldDef = NULL;
    if ((vm = g_hash_table_lookup(doms->byUUID, (*def)->uuid))) {
        virObjectLock(vm);
        if (vm->removing) {
            virReportError(VIR_ERR_OPERATION_FAILED,
                           "domain '%s' is already being removed",
                           vm->def->name);
            virObjectUnlock(vm);
            return NULL;
        }
        if (STRNEQ(vm->def->name, (*def)->name)) {
            virReportError(VIR_ERR_OPERATION_FAILED,
                           "domain '%s' is already defined with uuid %s",
                           vm->def->name,
                           virUUIDFormat(vm->def->uuid, uuidstr));
            virObjectUnlock(vm);
            return NULL;
        }
        if ((flags & VIR_DOMAIN_OBJ_LIST_ADD_CHECK_LIVE) &&
            virDomainObjIsActive(vm)) {
            virReportError(VIR_ERR_OPERATION_INVALID,
                           "domain '%s' is already active", vm->def->name);
            virObjectUnlock(vm);
            return NULL;
        }
        if ((flags & VIR_DOMAIN_OBJ_LIST_ADD_LIVE) ||
            !virDomainObjIsActive(vm)) {
            /* A running domain keeps its id across a live replace. */
            if (virDomainObjIsActive(vm))
                (*def)->id = vm->def->id;
            if (oldDef)
                *oldDef = vm->def;
            else
                virDomainDefFree(vm->def);
            vm->def = g_steal_pointer(def);
        } else {
            /* Defining a running domain changes its next configuration. */
            if (oldDef)
                *oldDef = vm->newDef;
            else
                virDomainDefFree(vm->newDef);
            vm->newDef = g_steal_pointer(def);
        }
        return virObjectRef(vm);
    }
    if ((vm = g_hash_table_lookup(doms->byName, (*def)->name))) {
        virReportError(VIR_ERR_OPERATION_FAILED,
                       "domain '%s' already exists with uuid %s",
                       (*def)->name, virUUIDFormat(vm->def->uuid, uuidstr));
        return NULL;
    }

    vm = virObjectNew(&virDomainObjClass);
    vm->def = g_steal_pointer(def);
    vm->state = VIR_DOMAIN_SHUTOFF;
    virObjectLock(vm);
    g_hash_table_insert(doms->byUUID, g_memdup2(vm->def->uuid,
                                                VIR_UUID_BUFLEN),
                        virObjectRef(vm));
    g_hash_table_insert(doms->byName, g_strdup(vm->def->name), vm);
    if (vm->def->id >= 0) {
        g_mutex_lock(&doms->idLock);
        g_hash_table_insert(doms->byID, GINT_TO_POINTER(vm->def->id), vm);
        g_mutex_unlock(&doms->idLock);
    }
    return vm;
}

virDomainObj *
virDomainObjListAdd(virDomainObjList *doms, virDomainDef **def,
                    unsigned int flags, virDomainDef **oldDef)
{
    virDomainObj *vm;

    g_rw_lock_writer_lock(&doms->lock);
    vm = virDomainObjListAddLocked(doms, def, flags, oldDef);
    g_rw_lock_writer_unlock(&doms->lock);
    return vm;
}

/* Locks a referenced object found in an index, unless it is on its way
 * out (then drops the reference). */
static virDomainObj *
virDomainObjListLockFound(virDomainObj *vm)
{
    if (!vm)
        return NULL;
    virObjectLock(vm);
    if (vm->removing) {
        virObjectUnlock(vm);
        virObjectUnref(vm);
        return NULL;
    }
    return vm;
}

static virDomainObj *
virDomainObjListFindIn(virDomainObjList *doms, GHashTable *table,
                       gconstpointer key)
{
    virDomainObj *vm;

    g_rw_lock_reader_lock(&doms->lock);
    if ((vm = g_hash_table_lookup(table, key)))
        virObjectRef(vm);
    g_rw_lock_reader_unlock(&doms->lock);
    return virDomainObjListLockFound(vm);
}

virDomainObj *
virDomainObjListFindByUUID(virDomainObjList *doms, const unsigned char *uuid)
{
    return virDomainObjListFindIn(doms, doms->byUUID, uuid);
}

virDomainObj *
virDomainObjListFindByName(virDomainObjList *doms, const char *name)
{
    return virDomainObjListFindIn(doms, doms->byName, name);
}

virDomainObj *
virDomainObjListFindByID(virDomainObjList *doms, int id)
{
    virDomainObj *vm;

    if (id < 0)
        return NULL;
    g_mutex_lock(&doms->idLock);
    if ((vm = g_hash_table_lookup(doms->byID, GINT_TO_POINTER(id))))
        virObjectRef(vm);
    g_mutex_unlock(&doms->idLock);
    return virDomainObjListLockFound(vm);
}

void
virDomainObjListSetID(virDomainObjList *doms, virDomainObj *vm, int id)
{
    g_mutex_lock(&doms->idLock);
    if (vm->def->id >= 0)
        g_hash_table_remove(doms->byID, GINT_TO_POINTER(vm->def->id));
    vm->def->id = id;
    if (id >= 0)
        g_hash_table_insert(doms->byID, GINT_TO_POINTER(id), vm);
    g_mutex_unlock(&doms->idLock);
}

void
virDomainObjListRemove(virDomainObjList *doms, virDomainObj *vm)
{
    /* Respect the lock order: mark, unlock, then take the list lock. */
    vm->removing = true;
    virObjectRef(vm);
    virObjectUnlock(vm);
    g_rw_lock_writer_lock(&doms->lock);
    g_mutex_lock(&doms->idLock);
    if (vm->def->id >= 0 &&
        g_hash_table_lookup(doms->byID, GINT_TO_POINTER(vm->def->id)) == vm)
        g_hash_table_remove(doms->byID, GINT_TO_POINTER(vm->def->id));
    g_mutex_unlock(&doms->idLock);
    if (g_hash_table_lookup(doms->byName, vm->def->name) == vm)
        g_hash_table_remove(doms->byName, vm->def->name);
    g_hash_table_remove(doms->byUUID, vm->def->uuid);
    g_rw_lock_writer_unlock(&doms->lock);
    virObjectUnref(vm);
}

int
virDomainObjListRename(virDomainObjList *doms, virDomainObj *vm,
                       const char *newname)
{
    int ret = -1;

    g_rw_lock_writer_lock(&doms->lock);
    virObjectLock(vm);
    if (g_hash_table_contains(doms->byName, newname)) {
        virReportError(VIR_ERR_OPERATION_INVALID,
                       "domain with name '%s' already exists", newname);
    } else {
        g_hash_table_remove(doms->byName, vm->def->name);
        g_free(vm->def->name);
        vm->def->name = g_strdup(newname);
        g_hash_table_insert(doms->byName, g_strdup(newname), vm);
        ret = 0;
    }
    virObjectUnlock(vm);
    g_rw_lock_writer_unlock(&doms->lock);
    return ret;
}

static GPtrArray *
virDomainObjListSnapshot(virDomainObjList *doms)
{
    GPtrArray *all = g_ptr_array_new();
    GHashTableIter iter;
    gpointer value;

    g_rw_lock_reader_lock(&doms->lock);
    g_hash_table_iter_init(&iter, doms->byUUID);
    while (g_hash_table_iter_next(&iter, NULL, &value))
        g_ptr_array_add(all, virObjectRef(value));
    g_rw_lock_reader_unlock(&doms->lock);
    return all;
}

static bool
virDomainObjListMatch(virDomainObj *vm, virDomainObjListFilter filter,
                      void *opaque)
{
    bool match;

    virObjectLock(vm);
    match = !vm->removing && (!filter || filter(vm, opaque));
    virObjectUnlock(vm);
    return match;
}

int
virDomainObjListCount(virDomainObjList *doms, virDomainObjListFilter filter,
                      void *opaque)
{
    g_autoptr(GPtrArray) all = virDomainObjListSnapshot(doms);
    int count = 0;
    size_t i;

    for (i = 0; i < all->len; i++) {
        if (virDomainObjListMatch(all->pdata[i], filter, opaque))
            count++;
        virObjectUnref(all->pdata[i]);
    }
    return count;
}

virDomainObj **
virDomainObjListCollect(virDomainObjList *doms,
                        virDomainObjListFilter filter, void *opaque,
                        size_t *nobjs)
{
    g_autoptr(GPtrArray) all = virDomainObjListSnapshot(doms);
    GPtrArray *matched = g_ptr_array_sized_new(all->len + 1);
    size_t i;

    for (i = 0; i < all->len; i++) {
        if (virDomainObjListMatch(all->pdata[i], filter, opaque))
            g_ptr_array_add(matched, all->pdata[i]);
        else
            virObjectUnref(all->pdata[i]);
    }
    *nobjs = matched->len;
    return (virDomainObj **)g_ptr_array_free(matched, FALSE);
}

void
virDomainObjListFreeObjects(virDomainObj **objs, size_t nobjs)
{
    size_t i;

    for (i = 0; i < nobjs; i++)
        virObjectUnref(objs[i]);
    g_free(objs);
}

void
virDomainObjListForEach(virDomainObjList *doms, virDomainObjListIterator cb,
                        void *opaque)
{
    g_autoptr(GPtrArray) all = virDomainObjListSnapshot(doms);
    size_t i;

    /* Objects are locked outside the list lock: a thread holding an
     * object may be waiting for the list. */
    for (i = 0; i < all->len; i++) {
        virDomainObj *vm = all->pdata[i];

        virObjectLock(vm);
        if (!vm->removing)
            cb(vm, opaque);
        virObjectUnlock(vm);
        virObjectUnref(vm);
    }
}

virDomainDef *
virDomainObjGetOneDefState(virDomainObj *vm, unsigned int flags,
                           const virDomainXMLOption *xmlopt, bool *live)
{
    virDomainDef *liveDef;
    virDomainDef *config;

    if ((flags & VIR_DOMAIN_AFFECT_LIVE) &&
        (flags & VIR_DOMAIN_AFFECT_CONFIG)) {
        virReportInvalidArg(flags, "%s",
                            "Flags 'VIR_DOMAIN_AFFECT_LIVE' and "
                            "'VIR_DOMAIN_AFFECT_CONFIG' are mutually "
                            "exclusive");
        return NULL;
    }
    if (virDomainObjGetDefs(vm, flags, xmlopt, &liveDef, &config) < 0)
        return NULL;
    if (live)
        *live = liveDef != NULL;
    return liveDef ? liveDef : config;
}

virDomainDef *
virDomainObjGetOneDef(virDomainObj *vm, unsigned int flags,
                      const virDomainXMLOption *xmlopt)
{
    return virDomainObjGetOneDefState(vm, flags, xmlopt, NULL);
}
