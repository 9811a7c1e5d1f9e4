/*
 * test_storage.c: the test driver's storages.
 *
 * PLACEHOLDER: no storage objects yet; every slot reports
 * VIR_ERR_NO_SUPPORT through the empty table, and node files with
 * <pool> elements are refused.
 */
#include "test_driver.h"

#define VIR_FROM_THIS VIR_FROM_TEST

struct _testStorageState {
    int placeholder;
};

testStorageState *
testStorageStateNew(void)
{
    return g_new0(testStorageState, 1);
}

void
testStorageStateFree(testStorageState *state)
{
    g_free(state);
}

int
testStorageLoadDefault(testDriver *driver G_GNUC_UNUSED)
{
    return 0;
}

int
testStorageLoadNode(testDriver *driver G_GNUC_UNUSED, xmlNodePtr root,
                 const char *path)
{
    if (virXMLChildCount(root, "pool") > 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "test driver file '%s': <%s> objects are not "
                       "supported by Vireo's test driver yet",
                       path, "pool");
        return -1;
    }
    return 0;
}

virStorageDriver testStorageDriver = {
    .name = "Test",
};
