/*
 * test_testobjlist.c: the test driver's ordered object list with its name
 * and UUID indexes (src/drivers/test/test_objlist.c).
 */
#include "drivers/test/test_objlist.h"

typedef struct {
    char *name;
    int *freed;
} Item;

static void
itemFree(void *opaque)
{
    Item *item = opaque;

    (*item->freed)++;
    g_free(item->name);
    g_free(item);
}

static Item *
itemNew(const char *name, int *freed)
{
    Item *item = g_new0(Item, 1);

    item->name = g_strdup(name);
    item->freed = freed;
    return item;
}

static const char *
itemName(void *obj)
{
    return ((Item *)obj)->name;
}

static bool
startsWithB(void *obj, void *opaque G_GNUC_UNUSED)
{
    return ((Item *)obj)->name[0] == 'b';
}

static void
test_order_and_indexes(void)
{
    int freed = 0;
    testObjList *list = testObjListNew(itemFree);
    unsigned char u1[16] = {1};
    unsigned char u2[16] = {2};
    Item *a = itemNew("a", &freed);
    Item *b = itemNew("b1", &freed);
    Item *c = itemNew("b2", &freed);
    char *names[4] = {NULL};

    testObjListAdd(list, a, "a", u1);
    testObjListAdd(list, b, "b1", u2);
    testObjListAdd(list, c, "b2", NULL);
    g_assert_cmpuint(testObjListSize(list), ==, 3);
    g_assert_true(testObjListAt(list, 1) == b);
    g_assert_true(testObjListFindByName(list, "b2") == c);
    g_assert_true(testObjListFindByUUID(list, u2) == b);
    g_assert_null(testObjListFindByName(list, "zz"));
    g_assert_null(testObjListFindByName(list, NULL));
    g_assert_cmpint(testObjListCount(list, startsWithB, NULL), ==, 2);
    g_assert_cmpint(testObjListCount(list, NULL, NULL), ==, 3);

    /* Names stop at max and keep definition order. */
    g_assert_cmpint(testObjListNames(list, NULL, NULL, itemName, names, 2),
                    ==, 2);
    g_assert_cmpstr(names[0], ==, "a");
    g_assert_cmpstr(names[1], ==, "b1");
    g_free(names[0]);
    g_free(names[1]);

    /* Removal frees the object and clears both keys. */
    testObjListRemove(list, b);
    g_assert_cmpint(freed, ==, 1);
    g_assert_null(testObjListFindByName(list, "b1"));
    g_assert_null(testObjListFindByUUID(list, u2));
    g_assert_true(testObjListAt(list, 1) == c);

    testObjListRename(list, c, "c");
    g_assert_null(testObjListFindByName(list, "b2"));
    g_assert_true(testObjListFindByName(list, "c") == c);

    /* Replacement keeps keys and position and frees nothing. */
    {
        Item *d = itemNew("d", &freed);

        testObjListReplace(list, a, d);
        g_assert_cmpint(freed, ==, 1);
        g_assert_true(testObjListAt(list, 0) == d);
        g_assert_true(testObjListFindByName(list, "a") == d);
        g_assert_true(testObjListFindByUUID(list, u1) == d);
        itemFree(a);
        g_assert_cmpint(freed, ==, 2);
        testObjListRemove(list, d);
        g_assert_cmpint(freed, ==, 3);
        g_assert_null(testObjListFindByUUID(list, u1));
    }

    testObjListFree(list);
    g_assert_cmpint(freed, ==, 4);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/testobjlist/order-and-indexes", test_order_and_indexes);
    return g_test_run();
}
