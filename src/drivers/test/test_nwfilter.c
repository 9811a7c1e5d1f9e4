/*
 * test_nwfilter.c: network filters and filter bindings.
 *
 * PLACEHOLDER: filled in by its owner.
 */
#include "test_driver.h"
#include "test_objlist.h"

struct _testNWFilterState {
    testObjList *objs;
};

testNWFilterState *
testNWFilterStateNew(void)
{
    testNWFilterState *st = g_new0(testNWFilterState, 1);

    st->objs = testObjListNew(NULL);
    return st;
}

void
testNWFilterStateFree(testNWFilterState *st)
{
    if (!st)
        return;
    testObjListFree(st->objs);
    g_free(st);
}

int
testNWFilterLoadDefault(testDriver *driver G_GNUC_UNUSED)
{
    return 0;
}

int
testNWFilterLoadNode(testDriver *driver G_GNUC_UNUSED, xmlNodePtr root G_GNUC_UNUSED,
                     const char *path G_GNUC_UNUSED)
{
    return 0;
}

virNWFilterDriver testNWFilterDriver = {
    .name = "Test",
};
