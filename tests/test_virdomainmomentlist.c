/*
 * test_virdomainmomentlist.c: the tree of snapshots or checkpoints: links
 * by parent name, the walks and their flags, upstream's cycle errors,
 * moving children, removing subtrees with the current moment, and a long
 * chain walked without recursion.  Run under the sanitizers, it also
 * checks that every definition is freed exactly once.
 */
#include "internal.h"
#include "conf/virdomainmomentlist.h"

#define VIR_FROM_THIS VIR_FROM_NONE

/* A definition reduced to what the list reads. */
typedef struct {
    char *name;
    char *parent;
} testMomentDef;

static void
defFree(void *opaque)
{
    testMomentDef *def = opaque;

    g_free(def->name);
    g_free(def->parent);
    g_free(def);
}

static const virDomainMomentDefOps ops = {
    offsetof(testMomentDef, name), offsetof(testMomentDef, parent), defFree,
};

static virDomainMoment *
add(virDomainMomentList *list, const char *name, const char *parent)
{
    testMomentDef *def = g_new0(testMomentDef, 1);
    virDomainMoment *moment;

    def->name = g_strdup(name);
    def->parent = g_strdup(parent);
    moment = virDomainMomentListAdd(list, def);
    g_assert_nonnull(moment);
    virDomainMomentListLink(list, moment);
    return moment;
}

static gint
compareNames(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names of a collection, joined by spaces. */
static void
assertCollect(virDomainMomentList *list, const char *from,
              unsigned int flags, const char *expect)
{
    g_autofree virDomainMoment **all = NULL;
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    g_autofree char *got = NULL;
    size_t n;
    size_t i;

    all = virDomainMomentListCollect(list,
                                     from ? virDomainMomentListFind(list, from)
                                          : NULL,
                                     flags, NULL, NULL, &n);
    for (i = 0; i < n; i++)
        g_ptr_array_add(names, g_strdup(virDomainMomentName(list, all[i])));
    g_ptr_array_sort(names, compareNames);
    g_ptr_array_add(names, NULL);
    got = g_strjoinv(" ", (char **)names->pdata);
    for (i = 0; i < n; i++)
        g_free(names->pdata[i]);
    g_assert_cmpstr(got, ==, expect);
}

static void
assertError(const char *message)
{
    virErrorPtr err = virGetLastError();

    g_assert_nonnull(err);
    g_assert_cmpint(err->code, ==, VIR_ERR_INVALID_ARG);
    g_assert_nonnull(strstr(err->message, message));
    virResetLastError();
}

static void
testTree(void)
{
    virDomainMomentList *list = virDomainMomentListNew(&ops);
    virDomainMoment *b;
    testMomentDef *dup;

    /* a -> {b -> {c, d}, e}, f */
    add(list, "a", NULL);
    b = add(list, "b", "a");
    add(list, "c", "b");
    add(list, "d", "b");
    add(list, "e", "a");
    add(list, "f", NULL);
    g_assert_cmpuint(virDomainMomentListSize(list), ==, 6);
    g_assert_true(virDomainMomentListFind(list, "b") == b);
    g_assert_null(virDomainMomentListFind(list, "zz"));
    g_assert_null(virDomainMomentListFind(NULL, "a"));
    g_assert_cmpuint(virDomainMomentListSize(NULL), ==, 0);

    dup = g_new0(testMomentDef, 1);
    dup->name = g_strdup("c");
    g_assert_null(virDomainMomentListAdd(list, dup));
    virResetLastError();
    defFree(dup);

    assertCollect(list, NULL, 0, "a b c d e f");
    assertCollect(list, NULL, VIR_DOMAIN_MOMENT_COLLECT_ROOTS, "a f");
    assertCollect(list, NULL, VIR_DOMAIN_MOMENT_COLLECT_LEAVES, "c d e f");
    assertCollect(list, NULL, VIR_DOMAIN_MOMENT_COLLECT_NO_LEAVES, "a b");
    assertCollect(list, NULL, VIR_DOMAIN_MOMENT_COLLECT_LEAVES |
                  VIR_DOMAIN_MOMENT_COLLECT_NO_LEAVES, "");
    assertCollect(list, "a", 0, "b e");
    assertCollect(list, "a", VIR_DOMAIN_MOMENT_COLLECT_DESCENDANTS,
                  "b c d e");
    assertCollect(NULL, NULL, 0, "");

    /* upstream's three refusals */
    g_assert_cmpint(virDomainMomentListCheckCycles(list, "x", "x"), ==, -1);
    assertError("cannot set moment x as its own parent");
    g_assert_cmpint(virDomainMomentListCheckCycles(list, "x", "zz"), ==, -1);
    assertError("parent zz for moment x not found");
    g_assert_cmpint(virDomainMomentListCheckCycles(list, "a", "c"), ==, -1);
    assertError("parent b would create cycle to a");
    g_assert_cmpint(virDomainMomentListCheckCycles(list, "f", "c"), ==, 0);

    /* b's children go to a, and name it */
    virDomainMomentListMoveChildren(list, b, b->parent);
    virDomainMomentUnlink(b);
    g_assert_false(virDomainMomentListRemove(list, b));
    assertCollect(list, "a", 0, "c d e");
    g_assert_cmpstr(virDomainMomentParentName(list,
                        virDomainMomentListFind(list, "c")), ==, "a");

    /* to the root: no parent name */
    virDomainMomentListMoveChildren(list, virDomainMomentListFind(list, "a"),
                                    NULL);
    assertCollect(list, NULL, VIR_DOMAIN_MOMENT_COLLECT_ROOTS, "a c d e f");
    g_assert_null(virDomainMomentParentName(list,
                      virDomainMomentListFind(list, "d")));

    virDomainMomentListFree(list);
}

static void
testRemoveDescendants(void)
{
    virDomainMomentList *list = virDomainMomentListNew(&ops);
    virDomainMoment *a = add(list, "a", NULL);
    testMomentDef *def;

    add(list, "b", "a");
    virDomainMomentListSetCurrent(list, add(list, "c", "b"));
    add(list, "d", NULL);
    g_assert_true(virDomainMomentListRemoveDescendants(list, a));
    g_assert_null(virDomainMomentListGetCurrent(list));
    assertCollect(list, NULL, 0, "a d");
    g_assert_cmpuint(a->nchildren, ==, 0);

    /* a replaced definition keeps the children */
    add(list, "e", "a");
    def = g_new0(testMomentDef, 1);
    def->name = g_strdup("a");
    def->parent = g_strdup("d");
    virDomainMomentListReplaceDef(list, a, def);
    virDomainMomentListLink(list, a);
    assertCollect(list, "d", VIR_DOMAIN_MOMENT_COLLECT_DESCENDANTS, "a e");

    virDomainMomentListFree(list);
}

static void
testLongChain(void)
{
    virDomainMomentList *list = virDomainMomentListNew(&ops);
    g_autofree virDomainMoment **all = NULL;
    char prev[32] = "";
    size_t n;
    size_t i;

    for (i = 0; i < 100000; i++) {
        char name[32];

        g_snprintf(name, sizeof(name), "m%zu", i);
        add(list, name, i ? prev : NULL);
        g_strlcpy(prev, name, sizeof(prev));
    }
    all = virDomainMomentListCollect(list, NULL,
                                     VIR_DOMAIN_MOMENT_COLLECT_LEAVES, NULL,
                                     NULL, &n);
    g_assert_cmpuint(n, ==, 1);
    g_assert_cmpstr(virDomainMomentName(list, all[0]), ==, "m99999");
    g_assert_false(virDomainMomentListRemoveDescendants(
        list, virDomainMomentListFind(list, "m0")));
    g_assert_cmpuint(virDomainMomentListSize(list), ==, 1);
    virDomainMomentListFree(list);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    virSetErrorFunc(NULL, NULL);
    g_test_add_func("/virdomainmomentlist/tree", testTree);
    g_test_add_func("/virdomainmomentlist/remove-descendants",
                    testRemoveDescendants);
    g_test_add_func("/virdomainmomentlist/long-chain", testLongChain);
    return g_test_run();
}
