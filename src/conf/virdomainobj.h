/*
 * virdomainobj.h: domains as a driver keeps them: a definition with its
 * run state, and the list of all of a driver's domains.
 *
 * A virDomainObj holds the live definition (def) and, for a persistent
 * domain that is running, the configuration to return to (newDef).  The
 * list indexes objects by UUID, name and id in hash tables, so lookups are
 * constant-time at any number of domains.  Objects come back from lookups
 * locked and referenced; release them with virDomainObjEndAPI.
 */
#pragma once

#include "domain_conf.h"
#include "virdomainmomentlist.h"
#include "util/virobject.h"

typedef struct _virDomainObj virDomainObj;
struct _virDomainObj {
    virObject parent;
    virDomainDef *def;
    virDomainDef *newDef; /* the configuration while running, or NULL */
    int state;            /* virDomainState */
    int reason;           /* the state's reason enum */
    bool persistent;
    bool autostart;
    bool hasManagedSave;
    bool removing;        /* being removed: lookups no longer find it */
    /* The snapshot and checkpoint trees, NULL until a driver adds one;
     * freed with the object. */
    virDomainMomentList *snapshots;
    virDomainMomentList *checkpoints;
    void *privateData;    /* the driver's per-domain state */
    GDestroyNotify privateDataFree;
};

typedef struct _virDomainObjList virDomainObjList;

virDomainObjList *virDomainObjListNew(void);
void virDomainObjListFree(virDomainObjList *doms);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainObjList, virDomainObjListFree);

/* Unlocks and unrefs *vm (if set) and clears the pointer. */
void virDomainObjEndAPI(virDomainObj **vm);
/* g_autoptr(virDomainObj) holds a locked, referenced object and ends its
 * use on scope exit. */
void virDomainObjUnlockUnref(virDomainObj *vm);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(virDomainObj, virDomainObjUnlockUnref);
void virDomainObjSetState(virDomainObj *vm, int state, int reason);
int virDomainObjGetState(virDomainObj *vm, int *reason);
bool virDomainObjIsActive(const virDomainObj *vm);
/* 0 when running, else -1 with upstream's "domain is not running". */
int virDomainObjCheckActive(const virDomainObj *vm);
/* The definitions a call with VIR_DOMAIN_AFFECT_* flags acts on: *live
 * (when affecting the running domain) and *config (the persistent one,
 * copied into newDef first when the domain runs), each NULL when not
 * affected.  Reports upstream's errors for a stopped domain asked LIVE
 * or a transient one asked CONFIG. */
int virDomainObjGetDefs(virDomainObj *vm, unsigned int flags,
                        const virDomainXMLOption *xmlopt,
                        virDomainDef **live, virDomainDef **config);
/* The one definition a call taking exactly one of VIR_DOMAIN_AFFECT_LIVE
 * or _CONFIG (or neither: the current state) acts on; both at once is
 * upstream's INVALID_ARG, and the checks are virDomainObjGetDefs'. */
virDomainDef *virDomainObjGetOneDef(virDomainObj *vm, unsigned int flags,
                                    const virDomainXMLOption *xmlopt);
/* The same, telling in *live (when not NULL) whether it is the live
 * definition. */
virDomainDef *virDomainObjGetOneDefState(virDomainObj *vm, unsigned int flags,
                                         const virDomainXMLOption *xmlopt,
                                         bool *live);
/* The persistent definition: newDef while running, else def. */
virDomainDef *virDomainObjGetPersistentDef(virDomainObj *vm);

typedef enum {
    /* Refuse to replace the definition of a running domain. */
    VIR_DOMAIN_OBJ_LIST_ADD_CHECK_LIVE = 1 << 0,
    /* The new definition is the live one (createXML, start). */
    VIR_DOMAIN_OBJ_LIST_ADD_LIVE = 1 << 1,
} virDomainObjListAddFlags;

/* Adds *def as a new domain, or replaces the definition of the domain with
 * the same UUID and name (the previous definition is returned in *oldDef
 * when oldDef is non-NULL, else freed).  The list takes *def (set to NULL).
 * A name taken by another UUID, or a UUID taken by another name, is an
 * error, as upstream reports it.  Returns the object locked and
 * referenced. */
virDomainObj *virDomainObjListAdd(virDomainObjList *doms, virDomainDef **def,
                                  unsigned int flags, virDomainDef **oldDef);

/* Lookups return the object locked and referenced, or NULL (no error
 * reported: the caller words the error for its API). */
virDomainObj *virDomainObjListFindByUUID(virDomainObjList *doms,
                                         const unsigned char *uuid);
virDomainObj *virDomainObjListFindByName(virDomainObjList *doms,
                                         const char *name);
virDomainObj *virDomainObjListFindByID(virDomainObjList *doms, int id);

/* Gives a running domain its id (indexed) or, with id -1, removes it from
 * the id index; vm must be locked. */
void virDomainObjListSetID(virDomainObjList *doms, virDomainObj *vm, int id);
/* Forgets vm (which the caller holds locked); vm stays valid for the
 * caller's reference and is unlocked on return. */
void virDomainObjListRemove(virDomainObjList *doms, virDomainObj *vm);
/* Renames vm (referenced, NOT locked by the caller: the list is locked
 * first) in the name index; -1 with an error if the name is taken. */
int virDomainObjListRename(virDomainObjList *doms, virDomainObj *vm,
                           const char *newname);

/* The number of domains matching the filter, which gets each object
 * locked; a NULL filter matches all. */
typedef bool (*virDomainObjListFilter)(virDomainObj *vm, void *opaque);
int virDomainObjListCount(virDomainObjList *doms,
                          virDomainObjListFilter filter, void *opaque);
/* Referenced (unlocked) objects matching the filter, in no particular
 * order; free with virDomainObjListFreeObjects. */
virDomainObj **virDomainObjListCollect(virDomainObjList *doms,
                                       virDomainObjListFilter filter,
                                       void *opaque, size_t *nobjs);
void virDomainObjListFreeObjects(virDomainObj **objs, size_t nobjs);
/* Calls cb on every domain, each locked in turn; cb must not take the
 * list's locks.  The cheapest way to export many domains. */
typedef void (*virDomainObjListIterator)(virDomainObj *vm, void *opaque);
void virDomainObjListForEach(virDomainObjList *doms,
                             virDomainObjListIterator cb, void *opaque);
