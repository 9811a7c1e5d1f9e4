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
#include "util/virtypedparam.h"

#define VIR_FROM_THIS VIR_FROM_TEST

VIR_LOG_INIT("test.test_domain_guestinfo");

#define TEST_GUEST_INFO_TYPES \
    (VIR_DOMAIN_GUEST_INFO_USERS | VIR_DOMAIN_GUEST_INFO_OS | \
     VIR_DOMAIN_GUEST_INFO_TIMEZONE | VIR_DOMAIN_GUEST_INFO_HOSTNAME | \
     VIR_DOMAIN_GUEST_INFO_FILESYSTEM | VIR_DOMAIN_GUEST_INFO_DISKS | \
     VIR_DOMAIN_GUEST_INFO_INTERFACES)

/* One user, root, logged in when the guest clock started. */
static void
testGuestInfoUsers(virTypedParamList *gi, virDomainObj *vm)
{
    virTypedParamListAddUInt(gi, 1, "user.count");
    virTypedParamListAddString(gi, "root", "user.0.name");
    virTypedParamListAddULLong(gi, testDomainObjPrivateGet(vm)->seconds * 1000ULL,
                        "user.0.login-time");
}

static void
testGuestInfoOS(virTypedParamList *gi)
{
    virTypedParamListAddString(gi, "testos", "os.id");
    virTypedParamListAddString(gi, "Test OS", "os.name");
    virTypedParamListAddString(gi, "Test OS 1.0", "os.pretty-name");
    virTypedParamListAddString(gi, "1.0", "os.version");
    virTypedParamListAddString(gi, "1.0", "os.version-id");
    virTypedParamListAddString(gi, "1.0.0-test", "os.kernel-release");
    virTypedParamListAddString(gi, "#1 SMP", "os.kernel-version");
    virTypedParamListAddString(gi, "i686", "os.machine");
}

static void
testGuestInfoTimezone(virTypedParamList *gi)
{
    virTypedParamListAddString(gi, "UTC", "timezone.name");
    virTypedParamListAddInt(gi, 0, "timezone.offset");
}

static void
testGuestInfoFileSystems(virTypedParamList *gi, virDomainObj *vm)
{
    virDomainFSInfoPtr *fs = NULL;
    int n = testDomainGuestFileSystems(vm, &fs);
    int i;
    size_t j;

    virTypedParamListAddUInt(gi, MAX(n, 0), "fs.count");
    for (i = 0; i < n; i++) {
        virTypedParamListAddString(gi, fs[i]->name, "fs.%d.name", i);
        virTypedParamListAddString(gi, fs[i]->mountpoint, "fs.%d.mountpoint", i);
        virTypedParamListAddString(gi, fs[i]->fstype, "fs.%d.fstype", i);
        virTypedParamListAddULLong(gi, 1ULL << 30, "fs.%d.total-bytes", i);
        virTypedParamListAddULLong(gi, 1ULL << 28, "fs.%d.used-bytes", i);
        virTypedParamListAddUInt(gi, fs[i]->ndevAlias, "fs.%d.disk.count", i);
        for (j = 0; j < fs[i]->ndevAlias; j++) {
            virTypedParamListAddString(gi, fs[i]->devAlias[j],
                                "fs.%d.disk.%zu.alias", i, j);
        }
        virDomainFSInfoFree(fs[i]);
    }
    g_free(fs);
}

/* Every hard disk of the domain, as the guest names it. */
static void
testGuestInfoDisks(virTypedParamList *gi, virDomainObj *vm)
{
    virDomainDevices *devs = vm->def->devices;
    unsigned int n = 0;
    size_t i;

    for (i = 0; i < devs->ndisks; i++)
        n += devs->disks[i]->device == VIR_DOMAIN_DISK_DEVICE_DISK;
    virTypedParamListAddUInt(gi, n, "disk.count");
    n = 0;
    for (i = 0; i < devs->ndisks; i++) {
        virDomainDiskDef *disk = devs->disks[i];
        g_autofree char *devnode = NULL;

        if (disk->device != VIR_DOMAIN_DISK_DEVICE_DISK)
            continue;
        devnode = g_strdup_printf("/dev/%s", disk->dst);
        virTypedParamListAddString(gi, devnode, "disk.%u.name", n);
        virTypedParamListAddBoolean(gi, false, "disk.%u.partition", n);
        virTypedParamListAddString(gi, disk->dst, "disk.%u.alias", n);
        n++;
    }
}

static void
testGuestInfoInterfaces(virTypedParamList *gi, virConnectPtr conn,
                        virDomainObj *vm)
{
    virDomainInterfacePtr *ifaces = NULL;
    int n = testDomainGuestInterfaces(conn, vm, &ifaces);
    int i;
    size_t j;

    if (n < 0) {
        gi->failed = true;
        return;
    }
    virTypedParamListAddUInt(gi, n, "if.count");
    for (i = 0; i < n; i++) {
        virTypedParamListAddString(gi, ifaces[i]->name, "if.%d.name", i);
        virTypedParamListAddString(gi, ifaces[i]->hwaddr, "if.%d.hwaddr", i);
        virTypedParamListAddUInt(gi, ifaces[i]->naddrs, "if.%d.addr.count", i);
        for (j = 0; j < ifaces[i]->naddrs; j++) {
            virDomainIPAddressPtr addr = &ifaces[i]->addrs[j];

            virTypedParamListAddString(gi, addr->type == VIR_IP_ADDR_TYPE_IPV6 ?
                                "ipv6" : "ipv4",
                                "if.%d.addr.%zu.type", i, j);
            virTypedParamListAddString(gi, addr->addr, "if.%d.addr.%zu.addr", i, j);
            virTypedParamListAddUInt(gi, addr->prefix, "if.%d.addr.%zu.prefix",
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
    virTypedParamList gi = { 0 };

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

        virTypedParamListAddString(&gi, hostname, "hostname");
    }
    if (types & VIR_DOMAIN_GUEST_INFO_FILESYSTEM)
        testGuestInfoFileSystems(&gi, vm);
    if (types & VIR_DOMAIN_GUEST_INFO_DISKS)
        testGuestInfoDisks(&gi, vm);
    if (types & VIR_DOMAIN_GUEST_INFO_INTERFACES)
        testGuestInfoInterfaces(&gi, dom->conn, vm);

    return virTypedParamListSteal(&gi, params, nparams);
}

void
testDomainGuestInfoSlots(virHypervisorDriver *hv)
{
    hv->domainGetGuestInfo = testDomainGetGuestInfo;
}
