/*
 * test_args_fake.c: the private connection driver scaffolding the
 * argument tests share (see test_args_fake.h).
 */
#include "test_args_fake.h"

#define VIR_FROM_THIS VIR_FROM_NONE

const unsigned char fakeUUID[VIR_UUID_BUFLEN] = {
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
};

int fakeFeatures[32];

static const char *fakeURI;

virDrvOpenStatus
fakeConnectOpen(virConnectPtr conn, virConnectAuthPtr auth, unsigned int flags)
{
    return VIR_DRV_OPEN_SUCCESS;
}

int
fakeConnectClose(virConnectPtr conn)
{
    return 0;
}

int
fakeSupportsFeature(virConnectPtr conn, int feature)
{
    if (feature < 0 || feature >= (int)G_N_ELEMENTS(fakeFeatures))
        return 0;
    return fakeFeatures[feature];
}

void
fakeDummyCallback(void)
{
}

static void
silentErrorFunc(void *opaque, virErrorPtr err)
{
}

int
fakeTestInit(int *argc, char ***argv, virConnectDriver *drv, const char *uri)
{
    g_test_init(argc, argv, NULL);

    if (virInitialize() < 0)
        return -1;
    virSetErrorFunc(NULL, silentErrorFunc);
    fakeURI = uri;
    return virRegisterConnectDriver(drv, false);
}

virConnectPtr
openFake(bool readonly)
{
    virConnectPtr conn = readonly ? virConnectOpenReadOnly(fakeURI)
                                  : virConnectOpen(fakeURI);

    g_assert_nonnull(conn);
    return conn;
}
