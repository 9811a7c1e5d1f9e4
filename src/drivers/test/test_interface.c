/*
 * test_interface.c: host interfaces and their change transactions.
 *
 * PLACEHOLDER: filled in by its owner.
 */
#include "test_driver.h"
#include "test_objlist.h"

#define VIR_FROM_THIS VIR_FROM_TEST

struct _testInterfaceState {
    testObjList *objs;
};

testInterfaceState *
testInterfaceStateNew(void)
{
    testInterfaceState *st = g_new0(testInterfaceState, 1);

    st->objs = testObjListNew(NULL);
    return st;
}

void
testInterfaceStateFree(testInterfaceState *st)
{
    if (!st)
        return;
    testObjListFree(st->objs);
    g_free(st);
}

int
testInterfaceLoadDefault(testDriver *driver G_GNUC_UNUSED)
{
    return 0;
}

int
testInterfaceLoadNode(testDriver *driver G_GNUC_UNUSED, xmlNodePtr root,
                      const char *path)
{
    if (virXMLChildCount(root, "interface") > 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "test driver file '%s': <%s> objects are not "
                       "supported by Vireo's test driver yet",
                       path, "interface");
        return -1;
    }
    return 0;
}

virInterfaceDriver testInterfaceDriver = {
    .name = "Test",
};
