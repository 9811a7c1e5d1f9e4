/*
 * test_moment.h: what domain snapshots and checkpoints share in the test
 * driver: each domain's tree of them, lookups by name with upstream's
 * errors, the list calls, parents and deletion with or without children.
 * A testMomentKind holds what tells the two kinds apart.
 */
#pragma once

#include "test_driver.h"
#include "conf/virdomainmomentlist.h"

typedef struct _testMomentKind testMomentKind;
struct _testMomentKind {
    const char *noun;          /* "snapshot" or "checkpoint", in messages */
    virErrorNumber noMoment;   /* the error for a name that is not there */
    virErrorDomain confDomain; /* where the document's own checks report */
    virDomainMomentDefOps ops;
    size_t listOffset;         /* where virDomainObj keeps the tree */
    /* The public object of the moment name of dom. */
    virObject *(*get)(virDomainPtr dom, const char *name);
    /* The moments of vm under from that the list flags select, when the
     * kind has more flags than testMomentCollect reads. */
    virDomainMoment **(*collect)(virDomainObj *vm, virDomainMoment *from,
                                 unsigned int flags, size_t *count);
    /* The kind's values of the ROOTS, LEAVES and NO_LEAVES list flags. */
    unsigned int roots;
    unsigned int leaves;
    unsigned int noLeaves;
};

extern const testMomentKind testSnapshotKind;
extern const testMomentKind testCheckpointKind;

/* test_snapshot.c: the snapshots' collect, with their own filters. */
virDomainMoment **testSnapshotCollect(virDomainObj *vm, virDomainMoment *from,
                                      unsigned int flags, size_t *count);

/* vm's tree of the kind, made on first use. */
virDomainMomentList *testMomentList(virDomainObj *vm,
                                    const testMomentKind *kind);
/* The domain (locked and referenced) and, in *moment, its moment name;
 * NULL with the error reported. */
virDomainObj *testMomentObj(virDomainPtr dom, const char *name,
                            const testMomentKind *kind,
                            virDomainMoment **moment);

/* The moments of vm under from (NULL: all) that the ROOTS or DESCENDANTS,
 * LEAVES and NO_LEAVES flags and the filter (NULL: all) keep; free the
 * array with g_free. */
virDomainMoment **testMomentCollect(virDomainObj *vm,
                                    const testMomentKind *kind,
                                    virDomainMoment *from, unsigned int flags,
                                    virDomainMomentFilter filter,
                                    void *opaque, size_t *count);
/* The list calls: of the moments of dom (from NULL) or of those under
 * the moment named from, the ones flags select: their number, their names
 * (at most nameslen), or their public objects in a NULL-terminated array
 * in *out (their number when out is NULL); -1 with the error reported. */
int testMomentNum(virDomainPtr dom, const char *from,
                  const testMomentKind *kind, unsigned int flags);
int testMomentNames(virDomainPtr dom, const char *from,
                    const testMomentKind *kind, unsigned int flags,
                    char **names, int nameslen);
int testMomentListAll(virDomainPtr dom, const char *from,
                      const testMomentKind *kind, unsigned int flags,
                      virObject ***out);

/* Stores def (taken) in list: in place of the definition of other (the
 * moment of the same name, whose children stay), or as a new moment when
 * other is NULL.  NULL when the name is taken. */
virDomainMoment *testMomentStore(virDomainMomentList *list,
                                 const testMomentKind *kind,
                                 virDomainMoment *other, void *def);
/* Deletes moment, whose children go to its parent, or with them
 * (children), or only them (childrenOnly); a current moment deleted
 * passes current to the one that stays nearest. */
void testMomentDelete(virDomainMomentList *list, virDomainMoment *moment,
                      bool children, bool childrenOnly);

/* The public object of the moment name of dom (a lookup by name). */
virObject *testMomentLookup(virDomainPtr dom, const char *name,
                            const testMomentKind *kind);
/* The public object of the parent of the moment name of dom. */
virObject *testMomentParent(virDomainPtr dom, const char *name,
                            const testMomentKind *kind);

/* One of a moment document's disks, disk (its domain disk is idx of dom),
 * checked by the kind; -1 with the error reported. */
typedef int (*testMomentDiskCheck)(void *disk, const virDomainDef *dom,
                                   size_t idx, void *opaque);
/* Matches the ndisks disks of a moment document (an array of structs of
 * size bytes, each starting with its char *name) with the disks of dom,
 * checking each with check and naming it after its domain disk: for each
 * domain disk, the index of its entry or -1.  NULL with upstream's
 * errors (no dom, too many disks, an unknown or repeated disk). */
int *testMomentDiskMatch(const testMomentKind *kind, const virDomainDef *dom,
                         void *disks, size_t ndisks, size_t size,
                         testMomentDiskCheck check, void *opaque);
/* Refuses the domain definition dom (may be NULL) of a redefined moment
 * name when it is not vm's (another UUID), with upstream's error. */
int testMomentCheckDomain(const testMomentKind *kind, virDomainObj *vm,
                          const char *name, const virDomainDef *dom);
