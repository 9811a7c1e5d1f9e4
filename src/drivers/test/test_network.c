/*
 * test_network.c: the test driver's networks.
 *
 * PLACEHOLDER: no network objects yet; every slot reports
 * VIR_ERR_NO_SUPPORT through the empty table, and node files with
 * <network> elements are refused.
 */
#include "test_driver.h"

#define VIR_FROM_THIS VIR_FROM_TEST

struct _testNetworkState {
    int placeholder;
};

testNetworkState *
testNetworkStateNew(void)
{
    return g_new0(testNetworkState, 1);
}

void
testNetworkStateFree(testNetworkState *state)
{
    g_free(state);
}

int
testNetworkLoadDefault(testDriver *driver G_GNUC_UNUSED)
{
    return 0;
}

int
testNetworkLoadNode(testDriver *driver G_GNUC_UNUSED, xmlNodePtr root,
                 const char *path)
{
    if (virXMLChildCount(root, "network") > 0) {
        virReportError(VIR_ERR_CONFIG_UNSUPPORTED,
                       "test driver file '%s': <%s> objects are not "
                       "supported by Vireo's test driver yet",
                       path, "network");
        return -1;
    }
    return 0;
}

virNetworkDriver testNetworkDriver = {
    .name = "Test",
};
