/*
 * test_nodedev.c: node devices: the default tree, lookups by capability, virtual devices.
 *
 * PLACEHOLDER: filled in by its owner.
 */
#include "test_driver.h"
#include "test_objlist.h"

#define VIR_FROM_THIS VIR_FROM_TEST

struct _testNodeDeviceState {
    testObjList *objs;
};

testNodeDeviceState *
testNodeDeviceStateNew(void)
{
    testNodeDeviceState *st = g_new0(testNodeDeviceState, 1);

    st->objs = testObjListNew(NULL);
    return st;
}

void
testNodeDeviceStateFree(testNodeDeviceState *st)
{
    if (!st)
        return;
    testObjListFree(st->objs);
    g_free(st);
}

int
testNodeDeviceLoadDefault(testDriver *driver G_GNUC_UNUSED)
{
    return 0;
}

int
testNodeDeviceLoadNode(testDriver *driver G_GNUC_UNUSED, xmlNodePtr root,
                       const char *path)
{
    if (virXMLChildCount(root, "device") > 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "test driver file '%s': <%s> objects are not "
                       "supported by Vireo's test driver yet",
                       path, "device");
        return -1;
    }
    return 0;
}

virNodeDeviceDriver testNodeDeviceDriver = {
    .name = "Test",
};
