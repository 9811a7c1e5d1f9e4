/*
 * test_domain_guestinfo.c: virDomainGetGuestInfo for test guests, what a
 * guest agent would report about users, the OS, the time zone, the host
 * name, file systems, disks and interfaces.  The answers agree with the
 * test driver's other guest calls (GetHostname, GetFSInfo,
 * InterfaceAddresses); upstream's test driver lacks the call.
 */
#include "test_driver.h"
#include "conf/domain_devices.h"
#include "conf/domain_disk.h"

#define VIR_FROM_THIS VIR_FROM_TEST

VIR_LOG_INIT("test.test_domain_guestinfo");

#define TEST_GUEST_INFO_TYPES \
    (VIR_DOMAIN_GUEST_INFO_USERS | VIR_DOMAIN_GUEST_INFO_OS | \
     VIR_DOMAIN_GUEST_INFO_TIMEZONE | VIR_DOMAIN_GUEST_INFO_HOSTNAME | \
     VIR_DOMAIN_GUEST_INFO_FILESYSTEM | VIR_DOMAIN_GUEST_INFO_DISKS | \
     VIR_DOMAIN_GUEST_INFO_INTERFACES)

/* The parameters being built: every add either succeeds or leaves an
 * error that ends the call. */
typedef struct {
    virTypedParameterPtr params;
    int nparams;
    int maxparams;
    int failed;
} testGuestInfo;

static void G_GNUC_PRINTF(3, 4)
testGuestInfoString(testGuestInfo *gi, const char *value, const char *fmt,
                    ...)
{
    g_autofree char *name = NULL;
    va_list ap;

    va_start(ap, fmt);
    name = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (virTypedParamsAddString(&gi->params, &gi->nparams, &gi->maxparams,
                                name, value) < 0)
        gi->failed = -1;
}

static void G_GNUC_PRINTF(3, 4)
testGuestInfoUInt(testGuestInfo *gi, unsigned int value, const char *fmt, ...)
{
    g_autofree char *name = NULL;
    va_list ap;

    va_start(ap, fmt);
    name = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (virTypedParamsAddUInt(&gi->params, &gi->nparams, &gi->maxparams,
                              name, value) < 0)
        gi->failed = -1;
}

static void G_GNUC_PRINTF(3, 4)
testGuestInfoULLong(testGuestInfo *gi, unsigned long long value,
                    const char *fmt, ...)
{
    g_autofree char *name = NULL;
    va_list ap;

    va_start(ap, fmt);
    name = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    if (virTypedParamsAddULLong(&gi->params, &gi->nparams, &gi->maxparams,
                                name, value) < 0)
        gi->failed = -1;
}

/* One user, root, logged in when the guest clock started. */
static void
testGuestInfoUsers(testGuestInfo *gi, virDomainObj *vm)
{
    testGuestInfoUInt(gi, 1, "user.count");
    testGuestInfoString(gi, "root", "user.0.name");
    testGuestInfoULLong(gi, testDomainObjPrivateGet(vm)->seconds * 1000ULL,
                        "user.0.login-time");
}

static void
testGuestInfoOS(testGuestInfo *gi)
{
    testGuestInfoString(gi, "testos", "os.id");
    testGuestInfoString(gi, "Test OS", "os.name");
    testGuestInfoString(gi, "Test OS 1.0", "os.pretty-name");
    testGuestInfoString(gi, "1.0", "os.version");
    testGuestInfoString(gi, "1.0", "os.version-id");
    testGuestInfoString(gi, "1.0.0-test", "os.kernel-release");
    testGuestInfoString(gi, "#1 SMP", "os.kernel-version");
    testGuestInfoString(gi, "i686", "os.machine");
}

static void
testGuestInfoTimezone(testGuestInfo *gi)
{
    testGuestInfoString(gi, "UTC", "timezone.name");
    if (virTypedParamsAddInt(&gi->params, &gi->nparams, &gi->maxparams,
                             "timezone.offset", 0) < 0)
        gi->failed = -1;
}

static void
testGuestInfoFileSystems(testGuestInfo *gi, virDomainObj *vm)
{
    virDomainFSInfoPtr *fs = NULL;
    int n = testDomainGuestFileSystems(vm, &fs);
    int i;
    size_t j;

    testGuestInfoUInt(gi, MAX(n, 0), "fs.count");
    for (i = 0; i < n; i++) {
        testGuestInfoString(gi, fs[i]->name, "fs.%d.name", i);
        testGuestInfoString(gi, fs[i]->mountpoint, "fs.%d.mountpoint", i);
        testGuestInfoString(gi, fs[i]->fstype, "fs.%d.fstype", i);
        testGuestInfoULLong(gi, 1ULL << 30, "fs.%d.total-bytes", i);
        testGuestInfoULLong(gi, 1ULL << 28, "fs.%d.used-bytes", i);
        testGuestInfoUInt(gi, fs[i]->ndevAlias, "fs.%d.disk.count", i);
        for (j = 0; j < fs[i]->ndevAlias; j++) {
            testGuestInfoString(gi, fs[i]->devAlias[j],
                                "fs.%d.disk.%zu.alias", i, j);
        }
        virDomainFSInfoFree(fs[i]);
    }
    g_free(fs);
}

/* Every hard disk of the domain, as the guest names it. */
static void
testGuestInfoDisks(testGuestInfo *gi, virDomainObj *vm)
{
    virDomainDevices *devs = vm->def->devices;
    unsigned int n = 0;
    size_t i;

    for (i = 0; i < devs->ndisks; i++)
        n += devs->disks[i]->device == VIR_DOMAIN_DISK_DEVICE_DISK;
    testGuestInfoUInt(gi, n, "disk.count");
    n = 0;
    for (i = 0; i < devs->ndisks; i++) {
        virDomainDiskDef *disk = devs->disks[i];
        g_autofree char *devnode = NULL;
        g_autofree char *partition = NULL;

        if (disk->device != VIR_DOMAIN_DISK_DEVICE_DISK)
            continue;
        devnode = g_strdup_printf("/dev/%s", disk->dst);
        testGuestInfoString(gi, devnode, "disk.%u.name", n);
        partition = g_strdup_printf("disk.%u.partition", n);
        if (virTypedParamsAddBoolean(&gi->params, &gi->nparams,
                                     &gi->maxparams, partition, 0) < 0)
            gi->failed = -1;
        testGuestInfoString(gi, disk->dst, "disk.%u.alias", n);
        n++;
    }
}

static void
testGuestInfoInterfaces(testGuestInfo *gi, virConnectPtr conn,
                        virDomainObj *vm)
{
    virDomainInterfacePtr *ifaces = NULL;
    int n = testDomainGuestInterfaces(conn, vm, &ifaces);
    int i;
    size_t j;

    if (n < 0) {
        gi->failed = -1;
        return;
    }
    testGuestInfoUInt(gi, n, "if.count");
    for (i = 0; i < n; i++) {
        testGuestInfoString(gi, ifaces[i]->name, "if.%d.name", i);
        testGuestInfoString(gi, ifaces[i]->hwaddr, "if.%d.hwaddr", i);
        testGuestInfoUInt(gi, ifaces[i]->naddrs, "if.%d.addr.count", i);
        for (j = 0; j < ifaces[i]->naddrs; j++) {
            virDomainIPAddressPtr addr = &ifaces[i]->addrs[j];

            testGuestInfoString(gi, addr->type == VIR_IP_ADDR_TYPE_IPV6 ?
                                "ipv6" : "ipv4",
                                "if.%d.addr.%zu.type", i, j);
            testGuestInfoString(gi, addr->addr, "if.%d.addr.%zu.addr", i, j);
            testGuestInfoUInt(gi, addr->prefix, "if.%d.addr.%zu.prefix",
                              i, j);
        }
        virDomainInterfaceFree(ifaces[i]);
    }
    g_free(ifaces);
}

static int
testDomainGetGuestInfo(virDomainPtr dom, unsigned int types,
                       virTypedParameterPtr *params, int *nparams,
                       unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    testGuestInfo gi = { 0 };

    virCheckFlags(0, -1);

    if (types & ~TEST_GUEST_INFO_TYPES) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "unsupported guest information types '0x%x'",
                       types & ~TEST_GUEST_INFO_TYPES);
        return -1;
    }
    if (types == 0)
        types = TEST_GUEST_INFO_TYPES;
    if (!(vm = testDomObjFromDomain(dom)) ||
        virDomainObjCheckActive(vm) < 0)
        return -1;

    if (types & VIR_DOMAIN_GUEST_INFO_USERS)
        testGuestInfoUsers(&gi, vm);
    if (types & VIR_DOMAIN_GUEST_INFO_OS)
        testGuestInfoOS(&gi);
    if (types & VIR_DOMAIN_GUEST_INFO_TIMEZONE)
        testGuestInfoTimezone(&gi);
    if (types & VIR_DOMAIN_GUEST_INFO_HOSTNAME) {
        g_autofree char *hostname = testDomainGuestHostname(vm);

        testGuestInfoString(&gi, hostname, "hostname");
    }
    if (types & VIR_DOMAIN_GUEST_INFO_FILESYSTEM)
        testGuestInfoFileSystems(&gi, vm);
    if (types & VIR_DOMAIN_GUEST_INFO_DISKS)
        testGuestInfoDisks(&gi, vm);
    if (types & VIR_DOMAIN_GUEST_INFO_INTERFACES)
        testGuestInfoInterfaces(&gi, dom->conn, vm);

    if (gi.failed < 0) {
        virTypedParamsFree(gi.params, gi.nparams);
        return -1;
    }
    *params = gi.params;
    *nparams = gi.nparams;
    return 0;
}

void
testDomainGuestInfoSlots(virHypervisorDriver *hv)
{
    hv->domainGetGuestInfo = testDomainGetGuestInfo;
}
