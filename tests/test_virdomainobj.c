/*
 * test_virdomainobj.c: the domain object list: uniqueness rules with
 * upstream's errors, lookups by uuid, name and id, rename and removal,
 * and many threads adding, finding and removing at once.
 */
#include "internal.h"
#include "conf/virdomainobj.h"
#include "util/viruuid.h"

#define VIR_FROM_THIS VIR_FROM_NONE

static virDomainDef *
makeDef(const char *name, unsigned char seed, int id)
{
    virDomainDef *def = virDomainDefNew();

    def->name = g_strdup(name);
    memset(def->uuid, seed, sizeof(def->uuid));
    def->id = id;
    return def;
}

static void
assertError(int code, const char *fragment)
{
    virErrorPtr err = virGetLastError();

    g_assert_nonnull(err);
    g_assert_cmpint(err->code, ==, code);
    g_assert_nonnull(strstr(err->message, fragment));
    virResetLastError();
}

static void
testAddFind(void)
{
    g_autoptr(virDomainObjList) doms = virDomainObjListNew();
    virDomainDef *def = makeDef("a", 1, -1);
    virDomainDef *old = NULL;
    virDomainObj *vm;
    unsigned char uuid[16];

    vm = virDomainObjListAdd(doms, &def, 0, NULL);
    g_assert_nonnull(vm);
    g_assert_null(def);
    virDomainObjEndAPI(&vm);

    /* Same uuid, other name. */
    def = makeDef("b", 1, -1);
    g_assert_null(virDomainObjListAdd(doms, &def, 0, NULL));
    assertError(VIR_ERR_OPERATION_FAILED,
                "domain 'a' is already defined with uuid "
                "01010101-0101-0101-0101-010101010101");
    virDomainDefFree(def);
    /* Same name, other uuid. */
    def = makeDef("a", 2, -1);
    g_assert_null(virDomainObjListAdd(doms, &def, 0, NULL));
    assertError(VIR_ERR_OPERATION_FAILED, "domain 'a' already exists");
    virDomainDefFree(def);
    /* Redefinition replaces the definition. */
    def = makeDef("a", 1, -1);
    vm = virDomainObjListAdd(doms, &def, 0, &old);
    g_assert_nonnull(vm);
    g_assert_nonnull(old);
    virDomainDefFree(old);
    virDomainObjListSetID(doms, vm, 7);
    virDomainObjEndAPI(&vm);

    /* A running domain: CHECK_LIVE refuses, a plain define goes to
     * newDef. */
    def = makeDef("a", 1, -1);
    g_assert_null(virDomainObjListAdd(doms, &def,
                                      VIR_DOMAIN_OBJ_LIST_ADD_CHECK_LIVE,
                                      NULL));
    assertError(VIR_ERR_OPERATION_INVALID, "domain 'a' is already active");
    vm = virDomainObjListAdd(doms, &def, 0, NULL);
    g_assert_nonnull(vm->newDef);
    g_assert_cmpint(vm->def->id, ==, 7);
    virDomainObjEndAPI(&vm);

    memset(uuid, 1, sizeof(uuid));
    vm = virDomainObjListFindByUUID(doms, uuid);
    g_assert_nonnull(vm);
    virDomainObjEndAPI(&vm);
    vm = virDomainObjListFindByID(doms, 7);
    g_assert_nonnull(vm);
    g_assert_cmpstr(vm->def->name, ==, "a");
    virObjectUnlock(vm);
    g_assert_cmpint(virDomainObjListRename(doms, vm, "renamed"), ==, 0);
    virObjectUnref(vm);
    g_assert_null(virDomainObjListFindByName(doms, "a"));
    vm = virDomainObjListFindByName(doms, "renamed");
    g_assert_nonnull(vm);
    virDomainObjListSetID(doms, vm, -1);
    virDomainObjEndAPI(&vm);
    g_assert_null(virDomainObjListFindByID(doms, 7));
    g_assert_null(virDomainObjListFindByID(doms, -1));

    vm = virDomainObjListFindByName(doms, "renamed");
    virDomainObjListRemove(doms, vm);
    virObjectUnref(vm);
    g_assert_null(virDomainObjListFindByUUID(doms, uuid));
    g_assert_cmpint(virDomainObjListCount(doms, NULL, NULL), ==, 0);
}

static bool
filterActive(virDomainObj *vm, void *opaque G_GNUC_UNUSED)
{
    return virDomainObjIsActive(vm);
}

typedef struct {
    virDomainObjList *doms;
    int base;
} threadData;

static gpointer
worker(gpointer opaque)
{
    threadData *td = opaque;
    int i;

    for (i = 0; i < 500; i++) {
        g_autofree char *name = g_strdup_printf("t%d-%d", td->base, i);
        virDomainDef *def = virDomainDefNew();
        virDomainObj *vm;

        def->name = g_strdup(name);
        virUUIDGenerate(def->uuid);
        vm = virDomainObjListAdd(td->doms, &def, 0, NULL);
        g_assert_nonnull(vm);
        virDomainObjListSetID(td->doms, vm, td->base * 1000 + i);
        virDomainObjEndAPI(&vm);
        vm = virDomainObjListFindByName(td->doms, name);
        g_assert_nonnull(vm);
        if (i % 2) {
            virDomainObjListRemove(td->doms, vm);
            virObjectUnref(vm);
        } else {
            virDomainObjEndAPI(&vm);
        }
    }
    return NULL;
}

static void
testThreads(void)
{
    g_autoptr(virDomainObjList) doms = virDomainObjListNew();
    threadData td[8];
    GThread *threads[8];
    virDomainObj **objs;
    size_t nobjs;
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(threads); i++) {
        td[i].doms = doms;
        td[i].base = i + 1;
        threads[i] = g_thread_new("worker", worker, &td[i]);
    }
    for (i = 0; i < G_N_ELEMENTS(threads); i++)
        g_thread_join(threads[i]);
    g_assert_cmpint(virDomainObjListCount(doms, NULL, NULL), ==, 8 * 250);
    g_assert_cmpint(virDomainObjListCount(doms, filterActive, NULL), ==,
                    8 * 250);
    objs = virDomainObjListCollect(doms, NULL, NULL, &nobjs);
    g_assert_cmpuint(nobjs, ==, 8 * 250);
    virDomainObjListFreeObjects(objs, nobjs);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    virSetErrorFunc(NULL, NULL);
    g_test_add_func("/virdomainobj/add-find", testAddFind);
    g_test_add_func("/virdomainobj/threads", testThreads);
    return g_test_run();
}
