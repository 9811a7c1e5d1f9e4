/*
 * test_domain_guest.c: what a guest agent would answer for a test guest:
 * its hostname, interface addresses, clock, file systems (with freezing),
 * disk errors and memory, and the requests it would act on (passwords,
 * signals, NMIs, keys), with upstream's test driver's answers and checks.
 *
 * The guest clock and the frozen state of the two file systems every test
 * guest has ("/" and "/boot") live in the domain's private state.
 */
#include "test_driver.h"
#include "conf/domain_disk.h"
#include "conf/domain_net.h"
#include "util/virkeycode.h"

#define VIR_FROM_THIS VIR_FROM_TEST

VIR_LOG_INIT("test.test_domain_guest");

/* The file systems of every test guest, in the order of the frozen
 * flags. */
static const char *const testMountPoints[] = { "/", "/boot" };

char *
testDomainGuestHostname(virDomainObj *vm)
{
    return g_strdup_printf("%shost", vm->def->name);
}

static char *
testDomainGetHostname(virDomainPtr dom, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(0, NULL);

    if (!(vm = testDomObjActive(dom)))
        return NULL;
    return testDomainGuestHostname(vm);
}

size_t
testDomainGuestNetOffset(const virDomainObj *vm, size_t idx)
{
    return 20 * (vm->def->id - 1) + idx + 1;
}

/* One address for each interface: on a virtual network, counted from
 * its DHCP range so that guests and interfaces differ; otherwise
 * 192.168.0.N. */
static virDomainInterfacePtr
testGuestInterface(virConnectPtr conn, virDomainObj *vm, size_t i)
{
    virDomainNetDef *net = vm->def->devices->nets[i];
    char mac[VIR_MAC_STRING_BUFLEN];
    virDomainInterfacePtr iface = g_new0(virDomainInterface, 1);

    iface->name = g_strdup(net->ifname);
    iface->hwaddr = g_strdup(virDomainNetMacFormat(net->mac, mac));
    iface->addrs = g_new0(virDomainIPAddress, 1);
    iface->naddrs = 1;
    if (net->type == VIR_DOMAIN_NET_TYPE_NETWORK) {
        if (testNetworkGuestAddress(conn->privateData, net->network,
                                    testDomainGuestNetOffset(vm, i),
                                    &iface->addrs[0]) < 0) {
            virDomainInterfaceFree(iface);
            return NULL;
        }
    } else {
        iface->addrs[0].type = VIR_IP_ADDR_TYPE_IPV4;
        iface->addrs[0].prefix = 24;
        iface->addrs[0].addr = g_strdup_printf("192.168.0.%zu", i + 1);
    }
    return iface;
}

int
testDomainGuestInterfaces(virConnectPtr conn, virDomainObj *vm,
                          virDomainInterfacePtr **ifaces)
{
    size_t n = vm->def->devices->nnets;
    virDomainInterfacePtr *list = g_new0(virDomainInterfacePtr, n + 1);
    size_t i;

    for (i = 0; i < n; i++) {
        if (!(list[i] = testGuestInterface(conn, vm, i))) {
            while (i > 0)
                virDomainInterfaceFree(list[--i]);
            g_free(list);
            return -1;
        }
    }
    *ifaces = list;
    return n;
}

static int
testDomainInterfaceAddresses(virDomainPtr dom,
                             virDomainInterfacePtr **ifaces,
                             unsigned int source, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(0, -1);

    if (source >= VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_LAST) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED,
                       "Unknown IP address data source %d", source);
        return -1;
    }
    if (!(vm = testDomObjActive(dom)))
        return -1;
    /* Every source answers the same. */
    return testDomainGuestInterfaces(dom->conn, vm, ifaces);
}

/* ---- The clock ---- */

static int
testDomainGetTime(virDomainPtr dom, long long *seconds,
                  unsigned int *nseconds, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    testDomainObjPrivate *priv;

    virCheckFlags(0, -1);

    if (!(vm = testDomObjFromDomain(dom)))
        return -1;
    /* A paused guest's agent does not answer either. */
    if (virDomainObjGetState(vm, NULL) != VIR_DOMAIN_RUNNING) {
        virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                       "domain is not running");
        return -1;
    }
    priv = testDomainObjPrivateGet(vm);
    *seconds = priv->seconds;
    *nseconds = priv->nseconds;
    return 0;
}

static int
testDomainSetTime(virDomainPtr dom, long long seconds,
                  unsigned int nseconds, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    testDomainObjPrivate *priv;

    virCheckFlags(VIR_DOMAIN_TIME_SYNC, -1);

    if (!(vm = testDomObjActive(dom)))
        return -1;
    priv = testDomainObjPrivateGet(vm);
    priv->seconds = seconds;
    priv->nseconds = nseconds;
    return 0;
}

/* The state of a guest's control channel; the guest clock's seconds
 * select it, so that applications can reach every state. */
static int
testDomainGetControlInfo(virDomainPtr dom, virDomainControlInfoPtr info,
                         unsigned int flags)
{
    static const int reasons[] = {
        VIR_DOMAIN_CONTROL_ERROR_REASON_NONE,
        VIR_DOMAIN_CONTROL_ERROR_REASON_UNKNOWN,
        VIR_DOMAIN_CONTROL_ERROR_REASON_MONITOR,
        VIR_DOMAIN_CONTROL_ERROR_REASON_INTERNAL,
    };
    g_autoptr(virDomainObj) vm = NULL;
    long long s;

    virCheckFlags(0, -1);

    if (!(vm = testDomObjActive(dom)))
        return -1;
    s = testDomainObjPrivateGet(vm)->seconds;

    memset(info, 0, sizeof(*info));
    if (s > 0 && s < 10000) {
        info->state = VIR_DOMAIN_CONTROL_JOB;
        info->stateTime = s;
    } else if (s >= 10000 && s < 30000) {
        info->state = VIR_DOMAIN_CONTROL_OCCUPIED;
        info->stateTime = s - 10000;
    } else if (s >= 30000 && s < 60000) {
        info->state = VIR_DOMAIN_CONTROL_ERROR;
        info->details = reasons[s % 4];
        info->stateTime = s - 30000;
    } else {
        info->state = VIR_DOMAIN_CONTROL_OK;
    }
    return 0;
}

/* ---- File systems ---- */

/* The index of a mount point in testMountPoints, or -1 with upstream's
 * error. */
static int
testMountPointIndex(const char *mountpoint)
{
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(testMountPoints); i++) {
        if (STREQ(mountpoint, testMountPoints[i]))
            return i;
    }
    virReportError(VIR_ERR_OPERATION_INVALID, "mount point not found: %s",
                   mountpoint);
    return -1;
}

/* Freezes (or thaws) the mount points given, or all of them; returns how
 * many changed state.  Nothing changes when one is unknown. */
static int
testGuestFreeze(virDomainPtr dom, const char **mountpoints,
                unsigned int nmountpoints, bool freeze)
{
    g_autoptr(virDomainObj) vm = NULL;
    testDomainObjPrivate *priv;
    bool frozen[G_N_ELEMENTS(testMountPoints)];
    unsigned int i;
    int changed = 0;

    if (!(vm = testDomObjActive(dom)))
        return -1;
    priv = testDomainObjPrivateGet(vm);

    memcpy(frozen, priv->frozen, sizeof(frozen));
    if (nmountpoints == 0) {
        for (i = 0; i < G_N_ELEMENTS(frozen); i++) {
            changed += frozen[i] != freeze;
            frozen[i] = freeze;
        }
    }
    for (i = 0; i < nmountpoints; i++) {
        int idx = testMountPointIndex(mountpoints[i]);

        if (idx < 0)
            return -1;
        changed += frozen[idx] != freeze;
        frozen[idx] = freeze;
    }
    memcpy(priv->frozen, frozen, sizeof(frozen));
    return changed;
}

static int
testDomainFSFreeze(virDomainPtr dom, const char **mountpoints,
                   unsigned int nmountpoints, unsigned int flags)
{
    virCheckFlags(0, -1);

    return testGuestFreeze(dom, mountpoints, nmountpoints, true);
}

static int
testDomainFSThaw(virDomainPtr dom, const char **mountpoints,
                 unsigned int nmountpoints, unsigned int flags)
{
    virCheckFlags(0, -1);

    return testGuestFreeze(dom, mountpoints, nmountpoints, false);
}

static int
testDomainFSTrim(virDomainPtr dom, const char *mountPoint,
                 unsigned long long minimum G_GNUC_UNUSED,
                 unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(0, -1);

    if (!(vm = testDomObjActive(dom)))
        return -1;
    if (mountPoint && testMountPointIndex(mountPoint) < 0)
        return -1;
    return 0;
}

static virDomainFSInfoPtr
testGuestFSInfo(const char *mountpoint, const char *disk, int part)
{
    virDomainFSInfoPtr fs = g_new0(virDomainFSInfo, 1);

    fs->mountpoint = g_strdup(mountpoint);
    fs->name = g_strdup_printf("%s%d", disk, part);
    fs->fstype = g_strdup("ext4");
    fs->ndevAlias = 1;
    fs->devAlias = g_new0(char *, 1);
    fs->devAlias[0] = g_strdup(disk);
    return fs;
}

/* "/" and "/boot" on the first two partitions of the first hard disk;
 * nothing for a guest without one. */
int
testDomainGuestFileSystems(virDomainObj *vm, virDomainFSInfoPtr **info)
{
    virDomainDevices *devs = vm->def->devices;
    size_t i;

    *info = NULL;
    for (i = 0; i < devs->ndisks; i++) {
        const char *dst = devs->disks[i]->dst;
        virDomainFSInfoPtr *list;

        if (devs->disks[i]->device != VIR_DOMAIN_DISK_DEVICE_DISK)
            continue;
        list = g_new0(virDomainFSInfoPtr, 3);
        list[0] = testGuestFSInfo(testMountPoints[0], dst, 1);
        list[1] = testGuestFSInfo(testMountPoints[1], dst, 2);
        *info = list;
        return 2;
    }
    return 0;
}

static int
testDomainGetFSInfo(virDomainPtr dom, virDomainFSInfoPtr **info,
                    unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(0, -1);

    if (!(vm = testDomObjActive(dom)))
        return -1;
    return testDomainGuestFileSystems(vm, info);
}

/* ---- Requests the guest acts on ---- */

static int
testDomainSetUserPassword(virDomainPtr dom, const char *user G_GNUC_UNUSED,
                          const char *password G_GNUC_UNUSED,
                          unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(VIR_DOMAIN_PASSWORD_ENCRYPTED, -1);

    return (vm = testDomObjActive(dom)) ? 0 : -1;
}

static int
testDomainSendProcessSignal(virDomainPtr dom, long long pid_value,
                            unsigned int signum, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(0, -1);

    if (pid_value != 1) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "only sending a signal to pid 1 is supported");
        return -1;
    }
    if (signum >= VIR_DOMAIN_PROCESS_SIGNAL_LAST) {
        virReportError(VIR_ERR_INVALID_ARG, "signum value %d is out of range",
                       signum);
        return -1;
    }
    /* Delivered to any guest, running or not, as upstream's test driver
     * does. */
    return (vm = testDomObjFromDomain(dom)) ? 0 : -1;
}

static int
testDomainInjectNMI(virDomainPtr dom, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;

    virCheckFlags(0, -1);

    return (vm = testDomObjActive(dom)) ? 0 : -1;
}

/* Keys are checked against their codeset, and go nowhere. */
static int
testDomainSendKey(virDomainPtr dom, unsigned int codeset,
                  unsigned int holdtime G_GNUC_UNUSED,
                  unsigned int *keycodes, int nkeycodes, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    int i;

    virCheckFlags(0, -1);

    if (!(vm = testDomObjActive(dom)))
        return -1;
    for (i = 0; i < nkeycodes; i++) {
        if (!virKeycodeIsValid(codeset, keycodes[i])) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "invalid keycode %u of %s codeset", keycodes[i],
                           NULLSTR(virKeycodeSetTypeToString(codeset)));
            return -1;
        }
    }
    return 0;
}

/* Every disk reports an error, cycling through the kinds. */
static int
testDomainGetDiskErrors(virDomainPtr dom, virDomainDiskErrorPtr errors,
                        unsigned int maxerrors, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    virDomainDevices *devs;
    size_t n;
    size_t i;

    virCheckFlags(0, -1);

    if (!(vm = testDomObjActive(dom)))
        return -1;
    devs = vm->def->devices;
    if (!errors)
        return devs->ndisks;
    n = MIN(devs->ndisks, maxerrors);
    for (i = 0; i < n; i++) {
        errors[i].disk = g_strdup(devs->disks[i]->dst);
        errors[i].error = i % (VIR_DOMAIN_DISK_ERROR_LAST - 1) + 1;
    }
    return n;
}

/* Memory holds its own address' low byte, counting up from start. */
static int
testDomainMemoryPeek(virDomainPtr dom, unsigned long long start,
                     size_t size, void *buffer, unsigned int flags)
{
    g_autoptr(virDomainObj) vm = NULL;
    unsigned char *out = buffer;
    size_t i;

    virCheckFlags(VIR_MEMORY_VIRTUAL | VIR_MEMORY_PHYSICAL, -1);

    if (flags != VIR_MEMORY_VIRTUAL && flags != VIR_MEMORY_PHYSICAL) {
        virReportError(VIR_ERR_INVALID_ARG, "%s",
                       "flags parameter must be VIR_MEMORY_VIRTUAL or "
                       "VIR_MEMORY_PHYSICAL");
        return -1;
    }
    if (!(vm = testDomObjActive(dom)))
        return -1;
    for (i = 0; i < size; i++)
        out[i] = (unsigned char)(start + i);
    return 0;
}

/* No launch security: an empty list, for any guest or none. */
static int
testDomainGetLaunchSecurityInfo(virDomainPtr dom G_GNUC_UNUSED,
                                virTypedParameterPtr *params G_GNUC_UNUSED,
                                int *nparams, unsigned int flags)
{
    virCheckFlags(0, -1);

    *nparams = 0;
    return 0;
}

void
testDomainGuestSlots(virHypervisorDriver *hv)
{
    hv->domainGetHostname = testDomainGetHostname;
    hv->domainInterfaceAddresses = testDomainInterfaceAddresses;
    hv->domainGetTime = testDomainGetTime;
    hv->domainSetTime = testDomainSetTime;
    hv->domainGetControlInfo = testDomainGetControlInfo;
    hv->domainFSFreeze = testDomainFSFreeze;
    hv->domainFSThaw = testDomainFSThaw;
    hv->domainFSTrim = testDomainFSTrim;
    hv->domainGetFSInfo = testDomainGetFSInfo;
    hv->domainSetUserPassword = testDomainSetUserPassword;
    hv->domainSendProcessSignal = testDomainSendProcessSignal;
    hv->domainInjectNMI = testDomainInjectNMI;
    hv->domainSendKey = testDomainSendKey;
    hv->domainGetDiskErrors = testDomainGetDiskErrors;
    hv->domainMemoryPeek = testDomainMemoryPeek;
    hv->domainGetLaunchSecurityInfo = testDomainGetLaunchSecurityInfo;
}
