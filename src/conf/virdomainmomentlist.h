/*
 * virdomainmomentlist.h: a domain's snapshots or checkpoints as a tree.
 *
 * Each moment (a snapshot or checkpoint definition) has at most one
 * parent and any number of children; moments without a parent hang under
 * an invisible root.  Names index the moments in a hash table, so a
 * lookup costs the same at any number of moments.  One moment may be the
 * domain's current one.  The list does not lock: it belongs to a
 * virDomainObj and is used under that object's lock.
 */
#pragma once

#include "internal.h"

typedef struct _virDomainMoment virDomainMoment;
struct _virDomainMoment {
    void *def;                    /* the definition, owned */
    virDomainMoment *parent;      /* the invisible root for a root moment */
    virDomainMoment *first_child; /* the newest child first */
    virDomainMoment *sibling;     /* the next older child of parent */
    size_t nchildren;
};

/* How the list reads and frees the definitions it holds: where in a
 * definition its name and its parent's name (owned by the definition,
 * NULL for a root) are, both char *. */
typedef struct _virDomainMomentDefOps virDomainMomentDefOps;
struct _virDomainMomentDefOps {
    size_t nameOffset;
    size_t parentNameOffset;
    void (*free)(void *def);
};

typedef struct _virDomainMomentList virDomainMomentList;

virDomainMomentList *virDomainMomentListNew(const virDomainMomentDefOps *ops);
void virDomainMomentListFree(virDomainMomentList *list);

/* Readers take a NULL list as an empty one. */
size_t virDomainMomentListSize(const virDomainMomentList *list);
virDomainMoment *virDomainMomentListFind(const virDomainMomentList *list,
                                         const char *name);
virDomainMoment *virDomainMomentListGetCurrent(const virDomainMomentList *list);
void virDomainMomentListSetCurrent(virDomainMomentList *list,
                                   virDomainMoment *moment);
const char *virDomainMomentName(const virDomainMomentList *list,
                                const virDomainMoment *moment);
/* The name of moment's parent as its definition has it (NULL: none). */
const char *virDomainMomentParentName(const virDomainMomentList *list,
                                      const virDomainMoment *moment);

/* Adds def (taken on success) as a moment outside the tree (link it with
 * virDomainMomentListLink); an error when the name is taken. */
virDomainMoment *virDomainMomentListAdd(virDomainMomentList *list,
                                        void *def);
/* Puts moment under the moment its definition names as parent, or under
 * the root when there is none. */
void virDomainMomentListLink(virDomainMomentList *list,
                             virDomainMoment *moment);
/* Takes moment out of its parent's children (its own children stay). */
void virDomainMomentUnlink(virDomainMoment *moment);
/* Gives every child of from to to, and names to (NULL: the root) as their
 * parent in their definitions. */
void virDomainMomentListMoveChildren(virDomainMomentList *list,
                                     virDomainMoment *from,
                                     virDomainMoment *to);
/* Replaces moment's definition (the old one is freed); moment keeps its
 * children and leaves its parent: link it again. */
void virDomainMomentListReplaceDef(virDomainMomentList *list,
                                   virDomainMoment *moment, void *def);
/* Forgets an unlinked moment (and frees it); true if it was current. */
bool virDomainMomentListRemove(virDomainMomentList *list,
                               virDomainMoment *moment);
/* Forgets every descendant of moment, which keeps no children; true if
 * the current moment was among them. */
bool virDomainMomentListRemoveDescendants(virDomainMomentList *list,
                                          virDomainMoment *moment);

/* The errors upstream reports (VIR_ERR_INVALID_ARG) when a moment named
 * name with parent parent_name would be its own ancestor or has a
 * missing parent. */
int virDomainMomentListCheckCycles(const virDomainMomentList *list,
                                   const char *name,
                                   const char *parent_name);

typedef enum {
    /* from NULL: only the roots; from a moment: all its descendants */
    VIR_DOMAIN_MOMENT_COLLECT_ROOTS = 1 << 0,
    VIR_DOMAIN_MOMENT_COLLECT_DESCENDANTS = 1 << 0,
    VIR_DOMAIN_MOMENT_COLLECT_LEAVES = 1 << 1,
    VIR_DOMAIN_MOMENT_COLLECT_NO_LEAVES = 1 << 2,
} virDomainMomentCollectFlags;

typedef bool (*virDomainMomentFilter)(const virDomainMoment *moment,
                                      void *opaque);

/* The moments under from (NULL: the whole list) that the flags and the
 * filter (NULL: all) keep, parents always before their children;
 * NULL-terminated, free the array (not the moments) with g_free. */
virDomainMoment **virDomainMomentListCollect(const virDomainMomentList *list,
                                             virDomainMoment *from,
                                             unsigned int flags,
                                             virDomainMomentFilter filter,
                                             void *opaque, size_t *count);
