/*
 * libvirt-domain.c: the hand-written public entry points for domains.
 *
 * Most domain calls are generated from src/api/libvirt-domain.api; the ones
 * here do more than "check the arguments, call the driver": paths made
 * absolute before a driver runs out of process, fixed-size structs copied
 * back at the caller's size, fd passing checks, list free helpers, and the
 * client side of migration, which drives the Begin/Prepare/Perform/Finish/
 * Confirm steps across two connections.  Argument checks run in upstream's
 * order and report upstream's codes and wording.
 */
#ifndef VIR_ENUM_SENTINELS
# define VIR_ENUM_SENTINELS
#endif

#include <limits.h>
#include <sys/stat.h>
#include <libxml/uri.h>

#include "internal.h"
#include "datatypes.h"
#include "driver.h"
#include "util/viruuid.h"
#include "util/virtypedparam.h"

#define VIR_FROM_THIS VIR_FROM_DOMAIN

VIR_LOG_INIT("libvirt.domain");

/* The domain's name is only safe to read once the object is known valid. */
#define VIR_DOMAIN_DEBUG_NAME(dom) \
    (virObjectIsClass((dom), &virDomainClass) ? NULLSTR((dom)->name) : "<invalid>")
#define VIR_DOMAIN_DEBUG(dom, fmt, ...) \
    VIR_DEBUG("dom=%p, (VM: name=%s), " fmt, (void *)(dom), \
              VIR_DOMAIN_DEBUG_NAME(dom), __VA_ARGS__)
#define VIR_DOMAIN_DEBUG0(dom) \
    VIR_DEBUG("dom=%p, (VM: name=%s)", (void *)(dom), VIR_DOMAIN_DEBUG_NAME(dom))

/* The largest memory size (in bytes) a domain may be given: off_t's range on
 * 64-bit hosts, 4 GiB worth of KiB on 32-bit ones. */
static unsigned long long
virDomainMemoryMaxValue(void)
{
    if (sizeof(unsigned long) < sizeof(long long))
        return 1024ull * ULONG_MAX;
    return LLONG_MAX;
}

/* Save, restore and dump run in another process (the daemon, QEMU) whose
 * working directory is not the caller's, so relative paths are resolved
 * here. */
static char *
virDomainAbsolutePath(const char *path, const char *what)
{
    char *abs = g_canonicalize_filename(path, NULL);

    if (!abs)
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "could not build absolute %s file path", what);
    return abs;
}

/* Returns 0 when conn's driver has the feature; otherwise reports msg as
 * VIR_ERR_ARGUMENT_UNSUPPORTED (unless the query itself failed) and
 * returns -1. */
static int
virDomainRequireFeature(virConnectPtr conn, int feature, const char *msg)
{
    int rc = virDrvSupportsFeature(conn, feature);

    if (rc > 0)
        return 0;
    if (rc == 0)
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "%s", msg);
    return -1;
}

#define FD_PASSING_MSG "fd passing is not supported by this connection"


virDomainPtr
virDomainCreateLinux(virConnectPtr conn, const char *xmlDesc,
                     unsigned int flags)
{
    VIR_DEBUG("conn=%p, xmlDesc=%s, flags=0x%x", (void *)conn,
              NULLSTR(xmlDesc), flags);
    return virDomainCreateXML(conn, xmlDesc, flags);
}


unsigned int
virDomainGetID(virDomainPtr domain)
{
    VIR_DOMAIN_DEBUG0(domain);

    virResetLastError();

    virCheckDomainReturn(domain, (unsigned int)-1);

    return domain->id;
}


unsigned long
virDomainGetMaxMemory(virDomainPtr domain)
{
    virConnectPtr conn;
    unsigned long ret;

    VIR_DOMAIN_DEBUG0(domain);

    virResetLastError();

    virCheckDomainReturn(domain, 0);
    conn = domain->conn;

    if (!conn->driver || !conn->driver->domainGetMaxMemory) {
        virReportUnsupportedError();
        goto error;
    }
    if ((ret = conn->driver->domainGetMaxMemory(domain)) == 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return 0;
}


/* The memory setters share their checks: non-zero, and small enough that
 * the value in bytes still fits.  A macro, so that messages name the
 * public function. */
#define VIR_DOMAIN_CHECK_MEMORY_GOTO(memory, label) \
    do { \
        virCheckNonZeroArgGoto(memory, label); \
        if (virDomainMemoryMaxValue() / 1024 <= (memory)) { \
            virReportError(VIR_ERR_OVERFLOW, "input too large: %lu", (memory)); \
            goto label; \
        } \
    } while (0)


int
virDomainSetMaxMemory(virDomainPtr domain, unsigned long memory)
{
    virConnectPtr conn;

    VIR_DOMAIN_DEBUG(domain, "memory=%lu", memory);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckReadOnlyGoto(conn->flags, error);
    VIR_DOMAIN_CHECK_MEMORY_GOTO(memory, error);

    if (!conn->driver || !conn->driver->domainSetMaxMemory) {
        virReportUnsupportedError();
        goto error;
    }
    if (conn->driver->domainSetMaxMemory(domain, memory) < 0)
        goto error;
    return 0;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainSetMemory(virDomainPtr domain, unsigned long memory)
{
    virConnectPtr conn;

    VIR_DOMAIN_DEBUG(domain, "memory=%lu", memory);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckReadOnlyGoto(conn->flags, error);
    VIR_DOMAIN_CHECK_MEMORY_GOTO(memory, error);

    if (!conn->driver || !conn->driver->domainSetMemory) {
        virReportUnsupportedError();
        goto error;
    }
    if (conn->driver->domainSetMemory(domain, memory) < 0)
        goto error;
    return 0;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainSetMemoryFlags(virDomainPtr domain, unsigned long memory,
                        unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(domain, "memory=%lu, flags=0x%x", memory, flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckReadOnlyGoto(conn->flags, error);
    VIR_DOMAIN_CHECK_MEMORY_GOTO(memory, error);

    if (!conn->driver || !conn->driver->domainSetMemoryFlags) {
        virReportUnsupportedError();
        goto error;
    }
    if ((ret = conn->driver->domainSetMemoryFlags(domain, memory, flags)) < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


virDomainPtr
virDomainLookupByUUIDString(virConnectPtr conn, const char *uuidstr)
{
    unsigned char uuid[VIR_UUID_BUFLEN];

    VIR_DEBUG("conn=%p, uuidstr=%s", (void *)conn, NULLSTR(uuidstr));

    virResetLastError();

    virCheckConnectReturn(conn, NULL);
    virCheckNonNullArgGoto(uuidstr, error);

    if (virUUIDParse(uuidstr, uuid) < 0) {
        virReportInvalidArg(uuidstr, "%s", "Invalid UUID");
        goto error;
    }

    return virDomainLookupByUUID(conn, uuid);

 error:
    virDispatchError(conn);
    return NULL;
}


/* ---- save, restore, dump ---- */

int
virDomainSave(virDomainPtr domain, const char *to)
{
    virConnectPtr conn;
    g_autofree char *absolute = NULL;

    VIR_DOMAIN_DEBUG(domain, "to=%s", NULLSTR(to));

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckReadOnlyGoto(conn->flags, error);
    virCheckNonNullArgGoto(to, error);

    if (!conn->driver || !conn->driver->domainSave) {
        virReportUnsupportedError();
        goto error;
    }
    if (!(absolute = virDomainAbsolutePath(to, "output")))
        goto error;
    if (conn->driver->domainSave(domain, absolute) < 0)
        goto error;
    return 0;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainSaveFlags(virDomainPtr domain, const char *to,
                   const char *dxml, unsigned int flags)
{
    virConnectPtr conn;
    g_autofree char *absolute = NULL;
    int ret;

    VIR_DOMAIN_DEBUG(domain, "to=%s, dxml=%s, flags=0x%x",
                     NULLSTR(to), NULLSTR(dxml), flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckReadOnlyGoto(conn->flags, error);
    virCheckNonNullArgGoto(to, error);
    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DOMAIN_SAVE_RUNNING,
                             VIR_DOMAIN_SAVE_PAUSED, error);

    if (!conn->driver || !conn->driver->domainSaveFlags) {
        virReportUnsupportedError();
        goto error;
    }
    if (!(absolute = virDomainAbsolutePath(to, "output")))
        goto error;
    if ((ret = conn->driver->domainSaveFlags(domain, absolute, dxml, flags)) < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainRestore(virConnectPtr conn, const char *from)
{
    g_autofree char *absolute = NULL;

    VIR_DEBUG("conn=%p, from=%s", (void *)conn, NULLSTR(from));

    virResetLastError();

    virCheckConnectReturn(conn, -1);
    virCheckReadOnlyGoto(conn->flags, error);
    virCheckNonNullArgGoto(from, error);

    if (!conn->driver || !conn->driver->domainRestore) {
        virReportUnsupportedError();
        goto error;
    }
    if (!(absolute = virDomainAbsolutePath(from, "input")))
        goto error;
    if (conn->driver->domainRestore(conn, absolute) < 0)
        goto error;
    return 0;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainRestoreFlags(virConnectPtr conn, const char *from, const char *dxml,
                      unsigned int flags)
{
    g_autofree char *absolute = NULL;
    int ret;

    VIR_DEBUG("conn=%p, from=%s, dxml=%s, flags=0x%x",
              (void *)conn, NULLSTR(from), NULLSTR(dxml), flags);

    virResetLastError();

    virCheckConnectReturn(conn, -1);
    virCheckReadOnlyGoto(conn->flags, error);
    virCheckNonNullArgGoto(from, error);
    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DOMAIN_SAVE_RUNNING,
                             VIR_DOMAIN_SAVE_PAUSED, error);

    if (!conn->driver || !conn->driver->domainRestoreFlags) {
        virReportUnsupportedError();
        goto error;
    }
    if (!(absolute = virDomainAbsolutePath(from, "input")))
        goto error;
    if ((ret = conn->driver->domainRestoreFlags(conn, absolute, dxml, flags)) < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainSaveImageDefineXML(virConnectPtr conn, const char *file,
                            const char *dxml, unsigned int flags)
{
    g_autofree char *absolute = NULL;
    int ret;

    VIR_DEBUG("conn=%p, file=%s, dxml=%s, flags=0x%x",
              (void *)conn, NULLSTR(file), NULLSTR(dxml), flags);

    virResetLastError();

    virCheckConnectReturn(conn, -1);
    virCheckReadOnlyGoto(conn->flags, error);
    virCheckNonNullArgGoto(file, error);
    virCheckNonNullArgGoto(dxml, error);
    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DOMAIN_SAVE_RUNNING,
                             VIR_DOMAIN_SAVE_PAUSED, error);

    if (!conn->driver || !conn->driver->domainSaveImageDefineXML) {
        virReportUnsupportedError();
        goto error;
    }
    if (!(absolute = virDomainAbsolutePath(file, "input")))
        goto error;
    ret = conn->driver->domainSaveImageDefineXML(conn, absolute, dxml, flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


char *
virDomainSaveImageGetXMLDesc(virConnectPtr conn, const char *file,
                             unsigned int flags)
{
    g_autofree char *absolute = NULL;
    char *ret;

    VIR_DEBUG("conn=%p, file=%s, flags=0x%x",
              (void *)conn, NULLSTR(file), flags);

    virResetLastError();

    virCheckConnectReturn(conn, NULL);
    virCheckNonNullArgGoto(file, error);
    virCheckReadOnlyGoto(conn->flags, error);

    if (!conn->driver || !conn->driver->domainSaveImageGetXMLDesc) {
        virReportUnsupportedError();
        goto error;
    }
    if (!(absolute = virDomainAbsolutePath(file, "input")))
        goto error;
    if (!(ret = conn->driver->domainSaveImageGetXMLDesc(conn, absolute, flags)))
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return NULL;
}


int
virDomainCoreDump(virDomainPtr domain, const char *to, unsigned int flags)
{
    virConnectPtr conn;
    g_autofree char *absolute = NULL;
    int ret;

    VIR_DOMAIN_DEBUG(domain, "to=%s, flags=0x%x", NULLSTR(to), flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckReadOnlyGoto(conn->flags, error);
    virCheckNonNullArgGoto(to, error);
    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DUMP_CRASH, VIR_DUMP_LIVE, error);
    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DUMP_CRASH, VIR_DUMP_RESET, error);
    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DUMP_LIVE, VIR_DUMP_RESET, error);

    if (!conn->driver || !conn->driver->domainCoreDump) {
        virReportUnsupportedError();
        goto error;
    }
    if (!(absolute = virDomainAbsolutePath(to, "core")))
        goto error;
    if ((ret = conn->driver->domainCoreDump(domain, absolute, flags)) < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainCoreDumpWithFormat(virDomainPtr domain, const char *to,
                            unsigned int dumpformat, unsigned int flags)
{
    virConnectPtr conn;
    g_autofree char *absolute = NULL;
    int ret;

    VIR_DOMAIN_DEBUG(domain, "to=%s, dumpformat=%u, flags=0x%x",
                     NULLSTR(to), dumpformat, flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckReadOnlyGoto(conn->flags, error);
    virCheckNonNullArgGoto(to, error);

    if (dumpformat >= VIR_DOMAIN_CORE_DUMP_FORMAT_LAST) {
        /* Upstream names "flags" as the faulty argument here. */
        virReportInvalidArg(flags, "dumpformat '%d' is not supported",
                            dumpformat);
        goto error;
    }

    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DUMP_CRASH, VIR_DUMP_LIVE, error);
    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DUMP_CRASH, VIR_DUMP_RESET, error);
    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DUMP_LIVE, VIR_DUMP_RESET, error);

    if (!conn->driver || !conn->driver->domainCoreDumpWithFormat) {
        virReportUnsupportedError();
        goto error;
    }
    if (!(absolute = virDomainAbsolutePath(to, "core")))
        goto error;
    ret = conn->driver->domainCoreDumpWithFormat(domain, absolute,
                                                 dumpformat, flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


/* ---- vCPUs, scheduler, statistics ---- */

int
virDomainGetVcpus(virDomainPtr domain, virVcpuInfoPtr info, int maxinfo,
                  unsigned char *cpumaps, int maplen)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(domain, "info=%p, maxinfo=%d, cpumaps=%p, maplen=%d",
                     (void *)info, maxinfo, (void *)cpumaps, maplen);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckNonNullArgGoto(info, error);
    virCheckPositiveArgGoto(maxinfo, error);

    /* A driver must never copy maps into a NULL buffer. */
    if (cpumaps)
        virCheckPositiveArgGoto(maplen, error);
    else
        virCheckZeroArgGoto(maplen, error);

    if (cpumaps && maplen > INT_MAX / maxinfo) {
        virReportError(VIR_ERR_OVERFLOW, "input too large: %d * %d",
                       maxinfo, maplen);
        goto error;
    }

    if (!conn->driver || !conn->driver->domainGetVcpus) {
        virReportUnsupportedError();
        goto error;
    }
    ret = conn->driver->domainGetVcpus(domain, info, maxinfo, cpumaps, maplen);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainGetVcpusFlags(virDomainPtr domain, unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(domain, "flags=0x%x", flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    /* Asking the guest agent is refused on read-only connections. */
    if (flags & VIR_DOMAIN_VCPU_GUEST)
        virCheckReadOnlyGoto(conn->flags, error);

    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DOMAIN_AFFECT_LIVE,
                             VIR_DOMAIN_AFFECT_CONFIG, error);

    if (!conn->driver || !conn->driver->domainGetVcpusFlags) {
        virReportUnsupportedError();
        goto error;
    }
    if ((ret = conn->driver->domainGetVcpusFlags(domain, flags)) < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainGetVcpuPinInfo(virDomainPtr domain, int ncpumaps,
                        unsigned char *cpumaps, int maplen, unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(domain, "ncpumaps=%d, cpumaps=%p, maplen=%d, flags=0x%x",
                     ncpumaps, (void *)cpumaps, maplen, flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckNonNullArrayArgGoto(cpumaps, ncpumaps, error);
    virCheckPositiveArgGoto(ncpumaps, error);
    virCheckPositiveArgGoto(maplen, error);

    if (maplen > INT_MAX / ncpumaps) {
        virReportError(VIR_ERR_OVERFLOW, "input too large: %d * %d",
                       ncpumaps, maplen);
        goto error;
    }

    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DOMAIN_AFFECT_LIVE,
                             VIR_DOMAIN_AFFECT_CONFIG, error);

    if (!conn->driver || !conn->driver->domainGetVcpuPinInfo) {
        virReportUnsupportedError();
        goto error;
    }
    ret = conn->driver->domainGetVcpuPinInfo(domain, ncpumaps, cpumaps,
                                             maplen, flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


char *
virDomainGetSchedulerType(virDomainPtr domain, int *nparams)
{
    virConnectPtr conn;
    char *ret;

    VIR_DOMAIN_DEBUG(domain, "nparams=%p", (void *)nparams);

    virResetLastError();

    virCheckDomainReturn(domain, NULL);
    conn = domain->conn;

    if (!conn->driver || !conn->driver->domainGetSchedulerType) {
        virReportUnsupportedError();
        goto error;
    }
    if (!(ret = conn->driver->domainGetSchedulerType(domain, nparams)))
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return NULL;
}


int
virDomainBlockStats(virDomainPtr dom, const char *disk,
                    virDomainBlockStatsPtr stats, size_t size)
{
    virConnectPtr conn;
    /* Fields the driver cannot fill stay -1; older callers may pass a
     * smaller struct and get only its leading fields. */
    virDomainBlockStatsStruct full = { -1, -1, -1, -1, -1 };

    VIR_DOMAIN_DEBUG(dom, "disk=%s, stats=%p, size=%zu",
                     NULLSTR(disk), (void *)stats, size);

    virResetLastError();

    virCheckDomainReturn(dom, -1);
    conn = dom->conn;

    virCheckNonNullArgGoto(disk, error);
    virCheckNonNullArgGoto(stats, error);
    if (size > sizeof(full)) {
        virReportInvalidArg(size, "size must not exceed %zu", sizeof(full));
        goto error;
    }

    if (!conn->driver || !conn->driver->domainBlockStats) {
        virReportUnsupportedError();
        goto error;
    }
    if (conn->driver->domainBlockStats(dom, disk, &full, sizeof(full)) < 0)
        goto error;
    memcpy(stats, &full, size);
    return 0;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainInterfaceStats(virDomainPtr dom, const char *device,
                        virDomainInterfaceStatsPtr stats, size_t size)
{
    virConnectPtr conn;
    virDomainInterfaceStatsStruct full = { -1, -1, -1, -1, -1, -1, -1, -1 };

    VIR_DOMAIN_DEBUG(dom, "device=%s, stats=%p, size=%zu",
                     NULLSTR(device), (void *)stats, size);

    virResetLastError();

    virCheckDomainReturn(dom, -1);
    conn = dom->conn;

    virCheckNonNullArgGoto(device, error);
    virCheckNonNullArgGoto(stats, error);
    if (size > sizeof(full)) {
        virReportInvalidArg(size, "size must not exceed %zu", sizeof(full));
        goto error;
    }

    if (!conn->driver || !conn->driver->domainInterfaceStats) {
        virReportUnsupportedError();
        goto error;
    }
    if (conn->driver->domainInterfaceStats(dom, device, &full, sizeof(full)) < 0)
        goto error;
    memcpy(stats, &full, size);
    return 0;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainMemoryStats(virDomainPtr dom, virDomainMemoryStatPtr stats,
                     unsigned int nr_stats, unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(dom, "stats=%p, nr_stats=%u, flags=0x%x",
                     (void *)stats, nr_stats, flags);

    virResetLastError();

    virCheckDomainReturn(dom, -1);
    conn = dom->conn;

    /* Nothing asked for, nothing to do: upstream answers 0 at once. */
    if (!stats || nr_stats == 0)
        return 0;
    if (nr_stats > VIR_DOMAIN_MEMORY_STAT_NR)
        nr_stats = VIR_DOMAIN_MEMORY_STAT_NR;

    if (!conn->driver || !conn->driver->domainMemoryStats) {
        virReportUnsupportedError();
        goto error;
    }
    if ((ret = conn->driver->domainMemoryStats(dom, stats, nr_stats, flags)) < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainGetCPUStats(virDomainPtr domain, virTypedParameterPtr params,
                     unsigned int nparams, int start_cpu,
                     unsigned int ncpus, unsigned int flags)
{
    virConnectPtr conn;
    int rc;
    int ret;

    VIR_DOMAIN_DEBUG(domain,
                     "params=%p, nparams=%u, start_cpu=%d, ncpus=%u, flags=0x%x",
                     (void *)params, nparams, start_cpu, ncpus, flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    /* start_cpu == -1 asks for the domain total, which is one "cpu";
     * params == NULL (with nparams == 0) asks how many parameters exist. */
    if (start_cpu == -1) {
        if (ncpus != 1) {
            virReportInvalidArg(start_cpu, "%s",
                                "ncpus must be 1 when start_cpu is -1");
            goto error;
        }
    } else {
        virCheckNonNegativeArgGoto(start_cpu, error);
    }
    if (nparams)
        virCheckNonNullArgGoto(params, error);
    else
        virCheckNullArgGoto(params, error);
    if (ncpus == 0)
        virCheckNullArgGoto(params, error);

    if (nparams && ncpus > UINT_MAX / nparams) {
        virReportError(VIR_ERR_OVERFLOW, "input too large: %u * %u",
                       nparams, ncpus);
        goto error;
    }

    if ((rc = virDrvSupportsFeature(conn, VIR_DRV_FEATURE_TYPED_PARAM_STRING)) < 0)
        goto error;
    if (rc)
        flags |= VIR_TYPED_PARAM_STRING_OKAY;

    if (!conn->driver || !conn->driver->domainGetCPUStats) {
        virReportUnsupportedError();
        goto error;
    }
    ret = conn->driver->domainGetCPUStats(domain, params, nparams,
                                          start_cpu, ncpus, flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainGetBlockIoTune(virDomainPtr dom, const char *disk,
                        virTypedParameterPtr params, int *nparams,
                        unsigned int flags)
{
    virConnectPtr conn;
    int rc;
    int ret;

    VIR_DOMAIN_DEBUG(dom, "disk=%s, params=%p, nparams=%d, flags=0x%x",
                     NULLSTR(disk), (void *)params,
                     nparams ? *nparams : -1, flags);

    virResetLastError();

    virCheckDomainReturn(dom, -1);
    conn = dom->conn;

    virCheckNonNullArgGoto(nparams, error);
    virCheckNonNegativeArgGoto(*nparams, error);
    /* *nparams == 0 only asks how many parameters there are. */
    if (*nparams != 0) {
        virCheckNonNullArgGoto(params, error);
        virCheckNonNullArgGoto(disk, error);
    }

    if ((rc = virDrvSupportsFeature(conn, VIR_DRV_FEATURE_TYPED_PARAM_STRING)) < 0)
        goto error;
    if (rc)
        flags |= VIR_TYPED_PARAM_STRING_OKAY;

    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DOMAIN_AFFECT_LIVE,
                             VIR_DOMAIN_AFFECT_CONFIG, error);

    if (!conn->driver || !conn->driver->domainGetBlockIoTune) {
        virReportUnsupportedError();
        goto error;
    }
    ret = conn->driver->domainGetBlockIoTune(dom, disk, params, nparams, flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainBlockRebase(virDomainPtr dom, const char *disk,
                     const char *base, unsigned long bandwidth,
                     unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(dom, "disk=%s, base=%s, bandwidth=%lu, flags=0x%x",
                     NULLSTR(disk), NULLSTR(base), bandwidth, flags);

    virResetLastError();

    virCheckDomainReturn(dom, -1);
    conn = dom->conn;

    virCheckReadOnlyGoto(conn->flags, error);
    virCheckNonNullArgGoto(disk, error);

    /* A copy job needs its destination; the copy-only flags need a copy. */
    if (flags & VIR_DOMAIN_BLOCK_REBASE_COPY) {
        virCheckNonNullArgGoto(base, error);
    } else if (flags & (VIR_DOMAIN_BLOCK_REBASE_SHALLOW |
                        VIR_DOMAIN_BLOCK_REBASE_REUSE_EXT |
                        VIR_DOMAIN_BLOCK_REBASE_COPY_RAW |
                        VIR_DOMAIN_BLOCK_REBASE_COPY_DEV)) {
        virReportInvalidArg(flags, "%s", "use of flags requires a copy job");
        goto error;
    }

    if (!conn->driver || !conn->driver->domainBlockRebase) {
        virReportUnsupportedError();
        goto error;
    }
    ret = conn->driver->domainBlockRebase(dom, disk, base, bandwidth, flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


/* ---- consoles, channels, graphics, keys ---- */

/* Console and channel streams must come from the domain's connection. */
static int
virDomainCheckStreamConn(virDomainPtr dom, virStreamPtr st)
{
    if (dom->conn != st->conn) {
        virReportInvalidArg(st, "stream must match connection of domain '%s'",
                            dom->name);
        return -1;
    }
    return 0;
}


int
virDomainOpenConsole(virDomainPtr dom, const char *dev_name,
                     virStreamPtr st, unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(dom, "dev_name=%s, st=%p, flags=0x%x",
                     NULLSTR(dev_name), (void *)st, flags);

    virResetLastError();

    virCheckDomainReturn(dom, -1);
    conn = dom->conn;

    virCheckStreamGoto(st, error);
    virCheckReadOnlyGoto(conn->flags, error);
    if (virDomainCheckStreamConn(dom, st) < 0)
        goto error;

    if (!conn->driver || !conn->driver->domainOpenConsole) {
        virReportUnsupportedError();
        goto error;
    }
    if ((ret = conn->driver->domainOpenConsole(dom, dev_name, st, flags)) < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainOpenChannel(virDomainPtr dom, const char *name,
                     virStreamPtr st, unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(dom, "name=%s, st=%p, flags=0x%x",
                     NULLSTR(name), (void *)st, flags);

    virResetLastError();

    virCheckDomainReturn(dom, -1);
    conn = dom->conn;

    virCheckStreamGoto(st, error);
    virCheckReadOnlyGoto(conn->flags, error);
    if (virDomainCheckStreamConn(dom, st) < 0)
        goto error;

    if (!conn->driver || !conn->driver->domainOpenChannel) {
        virReportUnsupportedError();
        goto error;
    }
    if ((ret = conn->driver->domainOpenChannel(dom, name, st, flags)) < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


char *
virDomainScreenshot(virDomainPtr domain, virStreamPtr stream,
                    unsigned int screen, unsigned int flags)
{
    virConnectPtr conn;
    char *ret;

    VIR_DOMAIN_DEBUG(domain, "stream=%p, screen=%u, flags=0x%x",
                     (void *)stream, screen, flags);

    virResetLastError();

    virCheckDomainReturn(domain, NULL);
    conn = domain->conn;

    virCheckStreamGoto(stream, error);
    virCheckReadOnlyGoto(conn->flags, error);
    if (virDomainCheckStreamConn(domain, stream) < 0)
        goto error;

    if (!conn->driver || !conn->driver->domainScreenshot) {
        virReportUnsupportedError();
        goto error;
    }
    if (!(ret = conn->driver->domainScreenshot(domain, stream, screen, flags)))
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return NULL;
}


int
virDomainOpenGraphics(virDomainPtr dom, unsigned int idx, int fd,
                      unsigned int flags)
{
    virConnectPtr conn;
    struct stat sb;
    int ret;

    VIR_DOMAIN_DEBUG(dom, "idx=%u, fd=%d, flags=0x%x", idx, fd, flags);

    virResetLastError();

    virCheckDomainReturn(dom, -1);
    conn = dom->conn;

    virCheckNonNegativeArgGoto(fd, error);

    if (fstat(fd, &sb) < 0) {
        virReportSystemError(errno, "Unable to access file descriptor %d", fd);
        goto error;
    }
    if (!S_ISSOCK(sb.st_mode)) {
        virReportInvalidArg(fd, "fd %d must be a socket", fd);
        goto error;
    }

    virCheckReadOnlyGoto(conn->flags, error);
    if (virDomainRequireFeature(conn, VIR_DRV_FEATURE_FD_PASSING,
                                FD_PASSING_MSG) < 0)
        goto error;

    if (!conn->driver || !conn->driver->domainOpenGraphics) {
        virReportUnsupportedError();
        goto error;
    }
    if ((ret = conn->driver->domainOpenGraphics(dom, idx, fd, flags)) < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainOpenGraphicsFD(virDomainPtr dom, unsigned int idx,
                        unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(dom, "idx=%u, flags=0x%x", idx, flags);

    virResetLastError();

    virCheckDomainReturn(dom, -1);
    conn = dom->conn;

    virCheckReadOnlyGoto(conn->flags, error);
    if (virDomainRequireFeature(conn, VIR_DRV_FEATURE_FD_PASSING,
                                FD_PASSING_MSG) < 0)
        goto error;

    if (!conn->driver || !conn->driver->domainOpenGraphicsFD) {
        virReportUnsupportedError();
        goto error;
    }
    if ((ret = conn->driver->domainOpenGraphicsFD(dom, idx, flags)) < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainSendKey(virDomainPtr domain, unsigned int codeset,
                 unsigned int holdtime, unsigned int *keycodes,
                 int nkeycodes, unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(domain, "codeset=%u, holdtime=%u, nkeycodes=%d, flags=0x%x",
                     codeset, holdtime, nkeycodes, flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckReadOnlyGoto(conn->flags, error);
    virCheckNonNullArgGoto(keycodes, error);
    virCheckPositiveArgGoto(nkeycodes, error);

    if (codeset >= VIR_KEYCODE_SET_LAST) {
        virReportInvalidArg(codeset, "Unsupported codeset '%d'", codeset);
        goto error;
    }
    if (nkeycodes > VIR_DOMAIN_SEND_KEY_MAX_KEYS) {
        virReportInvalidArg(nkeycodes, "nkeycodes must be <= %d",
                            VIR_DOMAIN_SEND_KEY_MAX_KEYS);
        goto error;
    }

    if (!conn->driver || !conn->driver->domainSendKey) {
        virReportUnsupportedError();
        goto error;
    }
    ret = conn->driver->domainSendKey(domain, codeset, holdtime,
                                      keycodes, nkeycodes, flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


/* ---- metadata ---- */

char *
virDomainGetMetadata(virDomainPtr domain, int type, const char *uri,
                     unsigned int flags)
{
    virConnectPtr conn;
    char *ret;

    VIR_DOMAIN_DEBUG(domain, "type=%d, uri='%s', flags=0x%x",
                     type, NULLSTR(uri), flags);

    virResetLastError();

    virCheckDomainReturn(domain, NULL);
    conn = domain->conn;

    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DOMAIN_AFFECT_LIVE,
                             VIR_DOMAIN_AFFECT_CONFIG, error);

    /* Only custom elements live in a namespace; other types are left to
     * the driver to judge. */
    switch (type) {
    case VIR_DOMAIN_METADATA_TITLE:
    case VIR_DOMAIN_METADATA_DESCRIPTION:
        virCheckNullArgGoto(uri, error);
        break;
    case VIR_DOMAIN_METADATA_ELEMENT:
        virCheckNonNullArgGoto(uri, error);
        break;
    default:
        break;
    }

    if (!conn->driver || !conn->driver->domainGetMetadata) {
        virReportUnsupportedError();
        goto error;
    }
    if (!(ret = conn->driver->domainGetMetadata(domain, type, uri, flags)))
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return NULL;
}


int
virDomainSetMetadata(virDomainPtr domain, int type, const char *metadata,
                     const char *key, const char *uri, unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(domain,
                     "type=%d, metadata='%s', key='%s', uri='%s', flags=0x%x",
                     type, NULLSTR(metadata), NULLSTR(key), NULLSTR(uri),
                     flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckReadOnlyGoto(conn->flags, error);

    switch (type) {
    case VIR_DOMAIN_METADATA_TITLE:
        if (metadata && strchr(metadata, '\n')) {
            virReportInvalidArg(metadata, "%s",
                                "metadata title can't contain newlines");
            goto error;
        }
        G_GNUC_FALLTHROUGH;
    case VIR_DOMAIN_METADATA_DESCRIPTION:
        virCheckNullArgGoto(uri, error);
        virCheckNullArgGoto(key, error);
        break;
    case VIR_DOMAIN_METADATA_ELEMENT:
        virCheckNonNullArgGoto(uri, error);
        /* Setting an element needs its prefix; removing one does not. */
        if (metadata)
            virCheckNonNullArgGoto(key, error);
        break;
    default:
        break;
    }

    if (!conn->driver || !conn->driver->domainSetMetadata) {
        virReportUnsupportedError();
        goto error;
    }
    ret = conn->driver->domainSetMetadata(domain, type, metadata, key, uri,
                                          flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


/* ---- starting with files ---- */

int
virDomainCreateWithFiles(virDomainPtr domain, unsigned int nfiles,
                         int *files, unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(domain, "nfiles=%u, files=%p, flags=0x%x",
                     nfiles, (void *)files, flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckReadOnlyGoto(conn->flags, error);
    if (nfiles > 0 &&
        virDomainRequireFeature(conn, VIR_DRV_FEATURE_FD_PASSING,
                                FD_PASSING_MSG) < 0)
        goto error;

    if (!conn->driver || !conn->driver->domainCreateWithFiles) {
        virReportUnsupportedError();
        goto error;
    }
    ret = conn->driver->domainCreateWithFiles(domain, nfiles, files, flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


virDomainPtr
virDomainCreateXMLWithFiles(virConnectPtr conn, const char *xmlDesc,
                            unsigned int nfiles, int *files,
                            unsigned int flags)
{
    virDomainPtr ret;

    VIR_DEBUG("conn=%p, xmlDesc=%s, nfiles=%u, files=%p, flags=0x%x",
              (void *)conn, NULLSTR(xmlDesc), nfiles, (void *)files, flags);

    virResetLastError();

    virCheckConnectReturn(conn, NULL);
    virCheckNonNullArgGoto(xmlDesc, error);
    virCheckReadOnlyGoto(conn->flags, error);
    if (nfiles > 0 &&
        virDomainRequireFeature(conn, VIR_DRV_FEATURE_FD_PASSING,
                                FD_PASSING_MSG) < 0)
        goto error;

    if (!conn->driver || !conn->driver->domainCreateXMLWithFiles) {
        virReportUnsupportedError();
        goto error;
    }
    ret = conn->driver->domainCreateXMLWithFiles(conn, xmlDesc, nfiles,
                                                 files, flags);
    if (!ret)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return NULL;
}


int
virDomainFDAssociate(virDomainPtr domain, const char *name,
                     unsigned int nfds, int *fds, unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(domain, "name='%s', nfds=%u, fds=%p, flags=0x%x",
                     NULLSTR(name), nfds, (void *)fds, flags);

    virResetLastError();

    /* Upstream dereferences the domain unchecked; checking it first only
     * changes a crash into an error. */
    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    if (virDomainRequireFeature(conn, VIR_DRV_FEATURE_FD_PASSING,
                                FD_PASSING_MSG) < 0)
        goto error;

    virCheckNonZeroArgGoto(nfds, error);
    virCheckNonNullArgGoto(fds, error);
    virCheckReadOnlyGoto(conn->flags, error);

    if (!conn->driver || !conn->driver->domainFDAssociate) {
        virReportUnsupportedError();
        goto error;
    }
    if ((ret = conn->driver->domainFDAssociate(domain, name, nfds, fds, flags)) < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


/* ---- events ---- */

int
virConnectDomainEventRegisterAny(virConnectPtr conn, virDomainPtr dom,
                                 int eventID,
                                 virConnectDomainEventGenericCallback cb,
                                 void *opaque, virFreeCallback freecb)
{
    int ret;

    VIR_DEBUG("conn=%p, dom=%p, eventID=%d, cb=%p, opaque=%p, freecb=%p",
              (void *)conn, (void *)dom, eventID, (void *)cb, opaque,
              (void *)freecb);

    virResetLastError();

    virCheckConnectReturn(conn, -1);
    if (dom) {
        virCheckDomainGoto(dom, error);
        if (dom->conn != conn) {
            virReportInvalidArg(dom, "domain '%s' must match connection",
                                dom->name);
            goto error;
        }
    }
    virCheckNonNullArgGoto(cb, error);
    virCheckNonNegativeArgGoto(eventID, error);
    if (eventID >= VIR_DOMAIN_EVENT_ID_LAST) {
        virReportInvalidArg(eventID, "eventID must be less than %d",
                            VIR_DOMAIN_EVENT_ID_LAST);
        goto error;
    }

    if (!conn->driver || !conn->driver->connectDomainEventRegisterAny) {
        virReportUnsupportedError();
        goto error;
    }
    ret = conn->driver->connectDomainEventRegisterAny(conn, dom, eventID, cb,
                                                      opaque, freecb);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


/* ---- bulk statistics ---- */

int
virConnectGetAllDomainStats(virConnectPtr conn, unsigned int stats,
                            virDomainStatsRecordPtr **retStats,
                            unsigned int flags)
{
    int ret;

    VIR_DEBUG("conn=%p, stats=0x%x, retStats=%p, flags=0x%x",
              (void *)conn, stats, (void *)retStats, flags);

    virResetLastError();

    virCheckConnectReturn(conn, -1);
    virCheckNonNullArgGoto(retStats, error);

    if (!conn->driver || !conn->driver->connectGetAllDomainStats) {
        virReportUnsupportedError();
        goto error;
    }
    ret = conn->driver->connectGetAllDomainStats(conn, stats, retStats, flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainListGetStats(virDomainPtr *doms, unsigned int stats,
                      virDomainStatsRecordPtr **retStats,
                      unsigned int flags)
{
    virConnectPtr conn = NULL;
    unsigned int ndoms = 0;
    int ret;

    VIR_DEBUG("doms=%p, stats=0x%x, retStats=%p, flags=0x%x",
              (void *)doms, stats, (void *)retStats, flags);

    virResetLastError();

    virCheckNonNullArgGoto(doms, error);
    virCheckNonNullArgGoto(retStats, error);

    if (!*doms) {
        virReportError(VIR_ERR_INVALID_ARG,
                       "doms array in %s must contain at least one domain",
                       __func__);
        goto error;
    }

    /* The first domain names the connection every other one must share. */
    virCheckDomainGoto(doms[0], error);
    conn = doms[0]->conn;

    if (!conn->driver || !conn->driver->domainListGetStats) {
        virReportUnsupportedError();
        goto error;
    }

    for (; doms[ndoms]; ndoms++) {
        virCheckDomainGoto(doms[ndoms], error);
        if (doms[ndoms]->conn != conn) {
            virReportError(VIR_ERR_INVALID_ARG, "%s",
                           "domains in 'doms' array must belong to a single connection");
            goto error;
        }
    }

    ret = conn->driver->domainListGetStats(doms, ndoms, stats, retStats, flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


void
virDomainStatsRecordListFree(virDomainStatsRecordPtr *stats)
{
    virDomainStatsRecordPtr *next;

    if (!stats)
        return;

    for (next = stats; *next; next++) {
        virTypedParamsFree((*next)->params, (*next)->nparams);
        virDomainFree((*next)->dom);
        g_free(*next);
    }
    g_free(stats);
}


/* ---- guest information lists ---- */

int
virDomainGetFSInfo(virDomainPtr dom, virDomainFSInfoPtr **info,
                   unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(dom, "info=%p, flags=0x%x", (void *)info, flags);

    virResetLastError();

    virCheckDomainReturn(dom, -1);
    conn = dom->conn;

    virCheckReadOnlyGoto(conn->flags, error);
    virCheckNonNullArgGoto(info, error);
    *info = NULL;

    if (!conn->driver || !conn->driver->domainGetFSInfo) {
        virReportUnsupportedError();
        goto error;
    }
    if ((ret = conn->driver->domainGetFSInfo(dom, info, flags)) < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


void
virDomainFSInfoFree(virDomainFSInfoPtr info)
{
    size_t i;

    if (!info)
        return;

    g_free(info->mountpoint);
    g_free(info->name);
    g_free(info->fstype);
    for (i = 0; i < info->ndevAlias; i++)
        g_free(info->devAlias[i]);
    g_free(info->devAlias);
    g_free(info);
}


int
virDomainGetIOThreadInfo(virDomainPtr dom, virDomainIOThreadInfoPtr **info,
                         unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(dom, "info=%p, flags=0x%x", (void *)info, flags);

    virResetLastError();

    virCheckDomainReturn(dom, -1);
    conn = dom->conn;

    virCheckNonNullArgGoto(info, error);
    *info = NULL;

    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_DOMAIN_AFFECT_LIVE,
                             VIR_DOMAIN_AFFECT_CONFIG, error);

    if (!conn->driver || !conn->driver->domainGetIOThreadInfo) {
        virReportUnsupportedError();
        goto error;
    }
    if ((ret = conn->driver->domainGetIOThreadInfo(dom, info, flags)) < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


void
virDomainIOThreadInfoFree(virDomainIOThreadInfoPtr info)
{
    if (!info)
        return;

    g_free(info->cpumap);
    g_free(info);
}


int
virDomainInterfaceAddresses(virDomainPtr dom, virDomainInterfacePtr **ifaces,
                            unsigned int source, unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(dom, "ifaces=%p, source=%u, flags=0x%x",
                     (void *)ifaces, source, flags);

    virResetLastError();

    /* Cleared before the domain check, as upstream does. */
    if (ifaces)
        *ifaces = NULL;
    virCheckDomainReturn(dom, -1);
    conn = dom->conn;

    virCheckNonNullArgGoto(ifaces, error);
    /* Asking the guest agent is refused on read-only connections. */
    if (source == VIR_DOMAIN_INTERFACE_ADDRESSES_SRC_AGENT)
        virCheckReadOnlyGoto(conn->flags, error);

    if (!conn->driver || !conn->driver->domainInterfaceAddresses) {
        virReportUnsupportedError();
        goto error;
    }
    ret = conn->driver->domainInterfaceAddresses(dom, ifaces, source, flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


void
virDomainInterfaceFree(virDomainInterfacePtr iface)
{
    size_t i;

    if (!iface)
        return;

    g_free(iface->name);
    g_free(iface->hwaddr);
    for (i = 0; i < iface->naddrs; i++)
        g_free(iface->addrs[i].addr);
    g_free(iface->addrs);
    g_free(iface);
}


int
virDomainAuthorizedSSHKeysSet(virDomainPtr domain, const char *user,
                              const char **keys, unsigned int nkeys,
                              unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(domain, "user=%s, keys=%p, nkeys=%u, flags=0x%x",
                     NULLSTR(user), (void *)keys, nkeys, flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckNonNullArgGoto(user, error);
    if (flags & (VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_APPEND |
                 VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_REMOVE))
        virCheckNonNullArgGoto(keys, error);

    /* Upstream returns here without dispatching the error. */
    VIR_EXCLUSIVE_FLAGS_RET(VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_APPEND,
                            VIR_DOMAIN_AUTHORIZED_SSH_KEYS_SET_REMOVE, -1);

    virCheckReadOnlyGoto(conn->flags, error);

    if (!conn->driver || !conn->driver->domainAuthorizedSSHKeysSet) {
        virReportUnsupportedError();
        goto error;
    }
    ret = conn->driver->domainAuthorizedSSHKeysSet(domain, user, keys, nkeys,
                                                   flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


/* ---- typed-parameter calls whose driver slot is internal ---- */

int
virDomainGetPerfEvents(virDomainPtr domain, virTypedParameterPtr *params,
                       int *nparams, unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(domain, "params=%p, nparams=%p, flags=0x%x",
                     (void *)params, (void *)nparams, flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckNonNullArgGoto(params, error);
    virCheckNonNullArgGoto(nparams, error);

    if (!conn->driver || !conn->driver->domainGetPerfEvents) {
        virReportUnsupportedError();
        goto error;
    }
    if ((ret = conn->driver->domainGetPerfEvents(domain, params, nparams, flags)) < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainSetPerfEvents(virDomainPtr domain, virTypedParameterPtr params,
                       int nparams, unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(domain, "params=%p, nparams=%d, flags=0x%x",
                     (void *)params, nparams, flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckReadOnlyGoto(conn->flags, error);
    virCheckNonNullArgGoto(params, error);
    virCheckPositiveArgGoto(nparams, error);
    if (virTypedParamsValidateSet(conn, params, nparams) < 0)
        goto error;

    if (!conn->driver || !conn->driver->domainSetPerfEvents) {
        virReportUnsupportedError();
        goto error;
    }
    if ((ret = conn->driver->domainSetPerfEvents(domain, params, nparams, flags)) < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainSetLifecycleAction(virDomainPtr domain, unsigned int type,
                            unsigned int action, unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(domain, "type=%u, action=%u, flags=0x%x",
                     type, action, flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckReadOnlyGoto(conn->flags, error);

    if (type >= VIR_DOMAIN_LIFECYCLE_LAST) {
        virReportError(VIR_ERR_INVALID_ARG, "invalid lifecycle type '%u'", type);
        goto error;
    }
    if (action >= VIR_DOMAIN_LIFECYCLE_ACTION_LAST) {
        virReportError(VIR_ERR_INVALID_ARG, "invalid lifecycle action '%u'",
                       action);
        goto error;
    }

    if (!conn->driver || !conn->driver->domainSetLifecycleAction) {
        virReportUnsupportedError();
        goto error;
    }
    ret = conn->driver->domainSetLifecycleAction(domain, type, action, flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainGetLaunchSecurityInfo(virDomainPtr domain,
                               virTypedParameterPtr *params,
                               int *nparams, unsigned int flags)
{
    virConnectPtr conn;
    int rc;
    int ret;

    VIR_DOMAIN_DEBUG(domain, "params=%p, nparams=%p, flags=0x%x",
                     (void *)params, (void *)nparams, flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckNonNullArgGoto(params, error);
    virCheckNonNullArgGoto(nparams, error);
    virCheckReadOnlyGoto(conn->flags, error);

    if ((rc = virDrvSupportsFeature(conn, VIR_DRV_FEATURE_TYPED_PARAM_STRING)) < 0)
        goto error;
    if (rc)
        flags |= VIR_TYPED_PARAM_STRING_OKAY;

    if (!conn->driver || !conn->driver->domainGetLaunchSecurityInfo) {
        virReportUnsupportedError();
        goto error;
    }
    ret = conn->driver->domainGetLaunchSecurityInfo(domain, params, nparams,
                                                    flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainSetLaunchSecurityState(virDomainPtr domain,
                                virTypedParameterPtr params,
                                int nparams, unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(domain, "params=%p, nparams=%d, flags=0x%x",
                     (void *)params, nparams, flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckNonNullArgGoto(params, error);
    virCheckPositiveArgGoto(nparams, error);
    virCheckReadOnlyGoto(conn->flags, error);
    if (virTypedParamsValidateSet(conn, params, nparams) < 0)
        goto error;

    if (!conn->driver || !conn->driver->domainSetLaunchSecurityState) {
        virReportUnsupportedError();
        goto error;
    }
    ret = conn->driver->domainSetLaunchSecurityState(domain, params, nparams,
                                                     flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


int
virDomainGetGuestInfo(virDomainPtr domain, unsigned int types,
                      virTypedParameterPtr *params, int *nparams,
                      unsigned int flags)
{
    virConnectPtr conn;
    int ret;

    VIR_DOMAIN_DEBUG(domain, "types=0x%x, params=%p, nparams=%p, flags=0x%x",
                     types, (void *)params, (void *)nparams, flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckReadOnlyGoto(conn->flags, error);
    virCheckNonNullArgGoto(params, error);
    virCheckNonNullArgGoto(nparams, error);

    if (!conn->driver || !conn->driver->domainGetGuestInfo) {
        virReportUnsupportedError();
        goto error;
    }
    ret = conn->driver->domainGetGuestInfo(domain, types, params, nparams,
                                           flags);
    if (ret < 0)
        goto error;
    return ret;

 error:
    virDispatchError(conn);
    return -1;
}


/* ==== migration ====
 *
 * Protocol 3 moves a domain in five steps: Begin (source: describe the
 * domain), Prepare (destination: get ready to receive), Perform (source:
 * send), Finish (destination: start or discard the copy) and Confirm
 * (source: kill or resume the original).  Cookies carry each side's state to
 * the next step.  "Managed" migration drives the steps from here over two
 * connections; "peer to peer" hands the whole job to the source driver,
 * which talks to the destination itself; "direct" has the source hypervisor
 * send to a bare migration URI.  Protocols 1 and 2 are not implemented by
 * any Vireo driver, so they are reported as unsupported. */

/* A deep copy the steps may edit without touching the caller's array. */
static virTypedParameterPtr
virDomainMigrateParamsCopy(virTypedParameterPtr params, int nparams)
{
    virTypedParameterPtr copy = g_new0(virTypedParameter, MAX(nparams, 1));
    int i;

    for (i = 0; i < nparams; i++) {
        copy[i] = params[i];
        if (params[i].type == VIR_TYPED_PARAM_STRING)
            copy[i].value.s = g_strdup(params[i].value.s);
    }
    return copy;
}

static int
virDomainMigrateParamsReplaceString(virTypedParameterPtr *params,
                                    int *nparams, const char *name,
                                    const char *value)
{
    virTypedParameterPtr param = NULL;
    int i;

    for (i = 0; i < *nparams; i++) {
        if (STREQ((*params)[i].field, name)) {
            param = &(*params)[i];
            break;
        }
    }

    if (param) {
        if (param->type != VIR_TYPED_PARAM_STRING) {
            virReportError(VIR_ERR_INVALID_ARG,
                           "Parameter '%s' is not a string", param->field);
            return -1;
        }
        g_free(param->value.s);
    } else {
        *params = g_renew(virTypedParameter, *params, *nparams + 1);
        param = &(*params)[*nparams];
        memset(param, 0, sizeof(*param));
        g_strlcpy(param->field, name, sizeof(param->field));
        param->type = VIR_TYPED_PARAM_STRING;
        (*nparams)++;
    }
    param->value.s = g_strdup(value);
    return 0;
}

/* True when every parameter is one of names (what older protocols carry). */
static bool
virDomainMigrateParamsOnly(virTypedParameterPtr params, int nparams,
                           const char **names, size_t nnames)
{
    int i;
    size_t j;

    for (i = 0; i < nparams; i++) {
        bool known = false;

        for (j = 0; j < nnames && !known; j++)
            known = STREQ(params[i].field, names[j]);
        if (!known)
            return false;
    }
    return true;
}

static const char *virDomainMigrateCompatParams[] = {
    VIR_MIGRATE_PARAM_URI,
    VIR_MIGRATE_PARAM_DEST_NAME,
    VIR_MIGRATE_PARAM_DEST_XML,
    VIR_MIGRATE_PARAM_BANDWIDTH,
};

/* The values protocol 3 without parameters carries. */
static int
virDomainMigrateParamsUnpack(virTypedParameterPtr params, int nparams,
                             const char **uri, const char **dname,
                             const char **dxml, unsigned long long *bandwidth)
{
    if (virTypedParamsGetString(params, nparams, VIR_MIGRATE_PARAM_URI, uri) < 0 ||
        virTypedParamsGetString(params, nparams, VIR_MIGRATE_PARAM_DEST_NAME, dname) < 0 ||
        virTypedParamsGetString(params, nparams, VIR_MIGRATE_PARAM_DEST_XML, dxml) < 0 ||
        virTypedParamsGetULLong(params, nparams, VIR_MIGRATE_PARAM_BANDWIDTH, bandwidth) < 0)
        return -1;
    return 0;
}

/* Peer-to-peer migration to this very host would have the daemon connect
 * to itself; that is almost always a mistake unless the caller named a
 * UNIX socket explicitly. */
static bool
virDomainMigrateURIHasSocket(xmlURIPtr uri)
{
    g_auto(GStrv) pairs = NULL;
    const char *plus;
    size_t i;

    if (!uri->scheme || !(plus = strchr(uri->scheme, '+')) ||
        STRNEQ(plus, "+unix"))
        return false;
    if (!uri->query)
        return false;

    pairs = g_strsplit_set(uri->query, "&;", -1);
    for (i = 0; pairs[i]; i++) {
        g_autofree char *name = g_strndup(pairs[i], strcspn(pairs[i], "="));

        if (STREQ(name, "socket"))
            return true;
    }
    return false;
}

static int
virDomainMigrateCheckNotLocal(const char *dconnuri)
{
    xmlURIPtr uri = xmlParseURI(dconnuri);
    bool local;

    if (!uri) {
        virReportErrorHelper(VIR_FROM_URI, VIR_ERR_INTERNAL_ERROR, __FILE__,
                             __func__, __LINE__, "Unable to parse URI %s",
                             dconnuri);
        return -1;
    }

    if (uri->server && *uri->server)
        local = STRPREFIX(uri->server, "localhost");
    else
        local = !virDomainMigrateURIHasSocket(uri);
    xmlFreeURI(uri);

    if (local) {
        virReportInvalidArg(dconnuri, "%s",
                            "Attempt to migrate guest to the same host");
        return -1;
    }
    return 0;
}


/* Managed protocol 3, with or without extensible parameters.  The source
 * and destination steps alternate; whatever fails, Finish and Confirm
 * still run so that exactly one copy of the domain keeps running, and the
 * first error seen is the one the caller gets. */
static virDomainPtr
virDomainMigrateVersion3Full(virDomainPtr domain, virConnectPtr dconn,
                             const char *xmlin, const char *dname,
                             const char *uri, unsigned long long bandwidth,
                             virTypedParameterPtr inparams, int nparams,
                             bool useParams, unsigned int flags)
{
    virHypervisorDriver *src = domain->conn->driver;
    virHypervisorDriver *dst = dconn->driver;
    virDomainPtr ddomain = NULL;
    virTypedParameterPtr params = NULL;
    g_autofree char *uri_out = NULL;
    g_autofree char *cookiein = NULL;
    g_autofree char *cookieout = NULL;
    g_autofree char *dom_xml = NULL;
    int cookieinlen = 0;
    int cookieoutlen = 0;
    virErrorPtr orig_err = NULL;
    int cancelled = 1;
    unsigned long protection = 0;
    bool notify_source = true;
    unsigned int destflags;
    int state;
    int ret;

    VIR_DOMAIN_DEBUG(domain,
                     "dconn=%p, xmlin=%s, dname=%s, uri=%s, bandwidth=%llu, "
                     "params=%p, nparams=%d, useParams=%d, flags=0x%x",
                     (void *)dconn, NULLSTR(xmlin), NULLSTR(dname),
                     NULLSTR(uri), bandwidth, (void *)inparams, nparams,
                     useParams, flags);

    if (!src || !dst ||
        (!useParams &&
         (!src->domainMigrateBegin3 || !src->domainMigratePerform3 ||
          !src->domainMigrateConfirm3 || !dst->domainMigratePrepare3 ||
          !dst->domainMigrateFinish3)) ||
        (useParams &&
         (!src->domainMigrateBegin3Params || !src->domainMigratePerform3Params ||
          !src->domainMigrateConfirm3Params || !dst->domainMigratePrepare3Params ||
          !dst->domainMigrateFinish3Params))) {
        virReportUnsupportedError();
        return NULL;
    }

    params = virDomainMigrateParamsCopy(inparams, nparams);

    ret = virDrvSupportsFeature(domain->conn,
                                VIR_DRV_FEATURE_MIGRATE_CHANGE_PROTECTION);
    if (ret < 0)
        goto done;
    if (ret)
        protection = VIR_MIGRATE_CHANGE_PROTECTION;

    VIR_DEBUG("Begin3 %p", (void *)domain->conn);
    if (useParams)
        dom_xml = src->domainMigrateBegin3Params(domain, params, nparams,
                                                 &cookieout, &cookieoutlen,
                                                 flags | protection);
    else
        dom_xml = src->domainMigrateBegin3(domain, xmlin, &cookieout,
                                           &cookieoutlen, flags | protection,
                                           dname, bandwidth);
    if (!dom_xml)
        goto done;

    /* A paused source stays paused on the destination. */
    if (useParams) {
        ret = virDomainGetState(domain, &state, NULL, 0);
    } else {
        virDomainInfo info;

        ret = virDomainGetInfo(domain, &info);
        state = info.state;
    }
    if (ret == 0 && state == VIR_DOMAIN_PAUSED &&
        !(flags & VIR_MIGRATE_POSTCOPY_RESUME))
        flags |= VIR_MIGRATE_PAUSED;

    destflags = flags & ~(VIR_MIGRATE_ABORT_ON_ERROR |
                          VIR_MIGRATE_AUTO_CONVERGE);

    VIR_DEBUG("Prepare3 %p flags=0x%x", (void *)dconn, destflags);
    cookiein = g_steal_pointer(&cookieout);
    cookieinlen = cookieoutlen;
    cookieoutlen = 0;
    if (useParams) {
        if (virDomainMigrateParamsReplaceString(&params, &nparams,
                                                VIR_MIGRATE_PARAM_DEST_XML,
                                                dom_xml) < 0)
            goto done;
        ret = dst->domainMigratePrepare3Params(dconn, params, nparams,
                                               cookiein, cookieinlen,
                                               &cookieout, &cookieoutlen,
                                               &uri_out, destflags);
    } else {
        ret = dst->domainMigratePrepare3(dconn, cookiein, cookieinlen,
                                         &cookieout, &cookieoutlen, uri,
                                         &uri_out, destflags, dname,
                                         bandwidth, dom_xml);
    }
    if (ret == -1) {
        /* With change protection Begin started a job on the source that
         * only Confirm ends. */
        if (protection) {
            virErrorPreserveLast(&orig_err);
            goto confirm;
        }
        goto done;
    }

    if (uri_out) {
        uri = uri_out;
        if (useParams &&
            virDomainMigrateParamsReplaceString(&params, &nparams,
                                                VIR_MIGRATE_PARAM_URI,
                                                uri_out) < 0) {
            virErrorPreserveLast(&orig_err);
            goto finish;
        }
    } else if (!uri &&
               virTypedParamsGetString(params, nparams,
                                       VIR_MIGRATE_PARAM_URI, &uri) <= 0) {
        virReportError(VIR_ERR_INTERNAL_ERROR, "%s",
                       "domainMigratePrepare3 did not set uri");
        virErrorPreserveLast(&orig_err);
        goto finish;
    }

    if (flags & VIR_MIGRATE_OFFLINE) {
        VIR_DEBUG("Offline migration, skipping Perform phase");
        g_clear_pointer(&cookieout, g_free);
        cookieoutlen = 0;
        cancelled = 0;
        goto finish;
    }

    /* Perform returns once the data is sent; the source stays paused until
     * Confirm. */
    VIR_DEBUG("Perform3 %p uri=%s", (void *)domain->conn, NULLSTR(uri));
    g_free(cookiein);
    cookiein = g_steal_pointer(&cookieout);
    cookieinlen = cookieoutlen;
    cookieoutlen = 0;
    if (useParams)
        ret = src->domainMigratePerform3Params(domain, NULL, params, nparams,
                                               cookiein, cookieinlen,
                                               &cookieout, &cookieoutlen,
                                               flags | protection);
    else
        ret = src->domainMigratePerform3(domain, NULL, cookiein, cookieinlen,
                                         &cookieout, &cookieoutlen, NULL,
                                         uri, flags | protection, dname,
                                         bandwidth);
    if (ret < 0) {
        virErrorPreserveLast(&orig_err);
        /* The source already knows it failed and has cleaned up. */
        notify_source = false;
    }
    cancelled = ret < 0 ? 1 : 0;

 finish:
    VIR_DEBUG("Finish3 %p ret=%d", (void *)dconn, ret);
    g_free(cookiein);
    cookiein = g_steal_pointer(&cookieout);
    cookieinlen = cookieoutlen;
    cookieoutlen = 0;
    if (useParams) {
        if (virTypedParamsGetString(params, nparams,
                                    VIR_MIGRATE_PARAM_DEST_NAME, NULL) <= 0 &&
            virDomainMigrateParamsReplaceString(&params, &nparams,
                                                VIR_MIGRATE_PARAM_DEST_NAME,
                                                domain->name) < 0) {
            ddomain = NULL;
        } else {
            ddomain = dst->domainMigrateFinish3Params(dconn, params, nparams,
                                                      cookiein, cookieinlen,
                                                      &cookieout, &cookieoutlen,
                                                      destflags, cancelled);
        }
    } else {
        ddomain = dst->domainMigrateFinish3(dconn, dname ? dname : domain->name,
                                            cookiein, cookieinlen,
                                            &cookieout, &cookieoutlen, NULL,
                                            uri, destflags, cancelled);
    }

    if (cancelled) {
        if (ddomain) {
            VIR_ERROR("finish step ignored that migration was cancelled");
        } else if (orig_err && orig_err->domain == VIR_FROM_QEMU &&
                   orig_err->code == VIR_ERR_OPERATION_FAILED) {
            /* When the domain died on the destination, Finish explains why
             * better than Perform's generic failure. */
            virErrorPtr err = virGetLastError();

            if (err && err->domain == VIR_FROM_QEMU &&
                err->code != VIR_ERR_MIGRATE_FINISH_OK)
                g_clear_pointer(&orig_err, virFreeError);
        }
    }

    /* No domain on the destination: the source must resume. */
    cancelled = ddomain == NULL ? 1 : 0;

    if (!orig_err)
        virErrorPreserveLast(&orig_err);

 confirm:
    if (notify_source) {
        VIR_DEBUG("Confirm3 %p ret=%d domain=%p", (void *)domain->conn, ret,
                  (void *)domain);
        g_free(cookiein);
        cookiein = g_steal_pointer(&cookieout);
        cookieinlen = cookieoutlen;
        cookieoutlen = 0;
        if (useParams)
            ret = src->domainMigrateConfirm3Params(domain, params, nparams,
                                                   cookiein, cookieinlen,
                                                   flags | protection,
                                                   cancelled);
        else
            ret = src->domainMigrateConfirm3(domain, cookiein, cookieinlen,
                                             flags | protection, cancelled);
        if (ret < 0)
            VIR_WARN("Guest %s probably left in 'paused' state on source",
                     domain->name);
    }

 done:
    virErrorRestore(&orig_err);
    virTypedParamsFree(params, nparams);
    return ddomain;
}


/* Peer-to-peer or direct migration: one call to the source driver. */
static int
virDomainMigrateUnmanagedParams(virDomainPtr domain, const char *dconnuri,
                                virTypedParameterPtr params, int nparams,
                                unsigned int flags)
{
    virHypervisorDriver *src = domain->conn->driver;
    const char *miguri = NULL;
    const char *dname = NULL;
    const char *xmlin = NULL;
    unsigned long long bandwidth = 0;
    int rc;

    VIR_DOMAIN_DEBUG(domain, "dconnuri=%s, params=%p, nparams=%d, flags=0x%x",
                     NULLSTR(dconnuri), (void *)params, nparams, flags);

    if ((flags & VIR_MIGRATE_PEER2PEER) &&
        virDomainMigrateCheckNotLocal(dconnuri) < 0)
        return -1;

    if (flags & VIR_MIGRATE_PEER2PEER) {
        if ((rc = virDrvSupportsFeature(domain->conn,
                                        VIR_DRV_FEATURE_MIGRATION_PARAMS)) < 0)
            return -1;
        if (rc) {
            VIR_DEBUG("Using migration protocol 3 with extensible parameters");
            if (!src || !src->domainMigratePerform3Params) {
                virReportUnsupportedError();
                return -1;
            }
            return src->domainMigratePerform3Params(domain, dconnuri, params,
                                                    nparams, NULL, 0, NULL,
                                                    NULL, flags);
        }
    }

    if ((rc = virDrvSupportsFeature(domain->conn,
                                    VIR_DRV_FEATURE_MIGRATION_V3)) < 0)
        return -1;
    if (!rc || !src || !src->domainMigratePerform3) {
        /* Protocol 2 would be next; no Vireo driver speaks it. */
        virReportUnsupportedError();
        return -1;
    }

    VIR_DEBUG("Using migration protocol 3");
    if (!virDomainMigrateParamsOnly(params, nparams,
                                    virDomainMigrateCompatParams,
                                    G_N_ELEMENTS(virDomainMigrateCompatParams))) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "%s",
                       "Some parameters are not supported by migration protocol 3");
        return -1;
    }
    if (virDomainMigrateParamsUnpack(params, nparams, &miguri, &dname,
                                     &xmlin, &bandwidth) < 0)
        return -1;

    return src->domainMigratePerform3(domain, xmlin, NULL, 0, NULL, NULL,
                                      dconnuri, miguri, flags, dname,
                                      bandwidth);
}


/* The legacy entry points pass loose arguments; bundle them as
 * parameters. */
static int
virDomainMigrateUnmanaged(virDomainPtr domain, const char *xmlin,
                          unsigned int flags, const char *dname,
                          const char *dconnuri, const char *miguri,
                          unsigned long long bandwidth)
{
    virTypedParameterPtr params = NULL;
    int nparams = 0;
    int maxparams = 0;
    int ret = -1;

    if (miguri &&
        virTypedParamsAddString(&params, &nparams, &maxparams,
                                VIR_MIGRATE_PARAM_URI, miguri) < 0)
        goto cleanup;
    if (dname &&
        virTypedParamsAddString(&params, &nparams, &maxparams,
                                VIR_MIGRATE_PARAM_DEST_NAME, dname) < 0)
        goto cleanup;
    if (xmlin &&
        virTypedParamsAddString(&params, &nparams, &maxparams,
                                VIR_MIGRATE_PARAM_DEST_XML, xmlin) < 0)
        goto cleanup;
    if (virTypedParamsAddULLong(&params, &nparams, &maxparams,
                                VIR_MIGRATE_PARAM_BANDWIDTH, bandwidth) < 0)
        goto cleanup;

    ret = virDomainMigrateUnmanagedParams(domain, dconnuri, params, nparams,
                                          flags);

 cleanup:
    virTypedParamsFree(params, nparams);
    return ret;
}


/* Offline migration needs both ends to support it. */
static int
virDomainMigrateCheckOffline(virConnectPtr sconn, virConnectPtr dconn,
                             unsigned long flags)
{
    if (!(flags & VIR_MIGRATE_OFFLINE))
        return 0;
    if (virDomainRequireFeature(sconn, VIR_DRV_FEATURE_MIGRATION_OFFLINE,
                                "offline migration is not supported by the source host") < 0)
        return -1;
    if (dconn &&
        virDomainRequireFeature(dconn, VIR_DRV_FEATURE_MIGRATION_OFFLINE,
                                "offline migration is not supported by the destination host") < 0)
        return -1;
    return 0;
}

/* Change protection is re-added by protocol 3 on the source only, so it is
 * checked here and masked out for the destination's sake. */
static int
virDomainMigrateCheckProtection(virConnectPtr sconn, unsigned long *flags)
{
    if ((*flags & VIR_MIGRATE_CHANGE_PROTECTION) &&
        virDomainRequireFeature(sconn, VIR_DRV_FEATURE_MIGRATE_CHANGE_PROTECTION,
                                "cannot enforce change protection") < 0)
        return -1;
    *flags &= ~VIR_MIGRATE_CHANGE_PROTECTION;
    return 0;
}

/* 1 when both ends support feature, 0 when not, -1 on error. */
static int
virDomainMigrateBothSupport(virConnectPtr sconn, virConnectPtr dconn,
                            int feature)
{
    int rc_src;
    int rc_dst;

    if ((rc_src = virDrvSupportsFeature(sconn, feature)) < 0)
        return -1;
    if ((rc_dst = virDrvSupportsFeature(dconn, feature)) < 0)
        return -1;
    return rc_src && rc_dst;
}


/* "not supported" names the public function the caller called. */
#define VIR_DOMAIN_REPORT_UNSUPPORTED(funcname) \
    virReportErrorHelper(VIR_FROM_THIS, VIR_ERR_NO_SUPPORT, __FILE__, \
                         (funcname), __LINE__, "%s", (funcname))

/* virDomainMigrate and virDomainMigrate2 differ only in dxml and in the
 * destination URI used for peer-to-peer. */
static virDomainPtr
virDomainMigrateLegacy(virDomainPtr domain, virConnectPtr dconn,
                       const char *dxml, unsigned long flags,
                       const char *dname, const char *uri,
                       unsigned long bandwidth, bool uriIsDconnuri,
                       const char *funcname)
{
    virDomainPtr ddomain = NULL;
    int rc;

    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_MIGRATE_NON_SHARED_DISK,
                             VIR_MIGRATE_NON_SHARED_INC, error);
    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_MIGRATE_TUNNELLED,
                             VIR_MIGRATE_PARALLEL, error);
    VIR_REQUIRE_FLAG_GOTO(VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES,
                          VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC,
                          error);

    if (virDomainMigrateCheckOffline(domain->conn, dconn, flags) < 0)
        goto error;

    if (flags & VIR_MIGRATE_PEER2PEER) {
        g_autofree char *dstURI = NULL;

        if ((rc = virDrvSupportsFeature(domain->conn,
                                        VIR_DRV_FEATURE_MIGRATION_P2P)) < 0)
            goto error;
        if (!rc) {
            VIR_DOMAIN_REPORT_UNSUPPORTED(funcname);
            goto error;
        }

        /* virDomainMigrate lets uri name the destination libvirtd;
         * virDomainMigrate2 always uses dconn's own URI. */
        if (!uriIsDconnuri || !uri) {
            if (!(dstURI = virConnectGetURI(dconn)))
                return NULL;
        }

        VIR_DEBUG("Using peer2peer migration");
        if (uriIsDconnuri) {
            if (virDomainMigrateUnmanaged(domain, dxml, flags, dname,
                                          uri ? uri : dstURI, NULL,
                                          bandwidth) < 0)
                goto error;
        } else {
            if (virDomainMigrateUnmanaged(domain, dxml, flags, dname,
                                          dstURI, uri, bandwidth) < 0)
                goto error;
        }

        ddomain = virDomainLookupByName(dconn, dname ? dname : domain->name);
    } else {
        if (virDomainMigrateCheckProtection(domain->conn, &flags) < 0)
            goto error;
        if (flags & VIR_MIGRATE_TUNNELLED) {
            virReportError(VIR_ERR_OPERATION_INVALID, "%s",
                           "cannot perform tunnelled migration without using peer2peer flag");
            goto error;
        }

        if ((rc = virDomainMigrateBothSupport(domain->conn, dconn,
                                              VIR_DRV_FEATURE_MIGRATION_V3)) < 0)
            goto error;
        if (!rc) {
            VIR_DOMAIN_REPORT_UNSUPPORTED(funcname);
            goto error;
        }
        VIR_DEBUG("Using migration protocol 3");
        ddomain = virDomainMigrateVersion3Full(domain, dconn, dxml, dname, uri,
                                               bandwidth, NULL, 0, false, flags);
    }

    if (!ddomain)
        goto error;
    return ddomain;

 error:
    virDispatchError(domain->conn);
    return NULL;
}


virDomainPtr
virDomainMigrate(virDomainPtr domain, virConnectPtr dconn,
                 unsigned long flags, const char *dname, const char *uri,
                 unsigned long bandwidth)
{
    VIR_DOMAIN_DEBUG(domain,
                     "dconn=%p, flags=0x%lx, dname=%s, uri=%s, bandwidth=%lu",
                     (void *)dconn, flags, NULLSTR(dname), NULLSTR(uri),
                     bandwidth);

    virResetLastError();

    virCheckDomainReturn(domain, NULL);
    virCheckReadOnlyGoto(domain->conn->flags, error);
    virCheckConnectGoto(dconn, error);
    virCheckReadOnlyGoto(dconn->flags, error);

    return virDomainMigrateLegacy(domain, dconn, NULL, flags, dname, uri,
                                  bandwidth, true, __func__);

 error:
    virDispatchError(domain->conn);
    return NULL;
}


virDomainPtr
virDomainMigrate2(virDomainPtr domain, virConnectPtr dconn,
                  const char *dxml, unsigned long flags, const char *dname,
                  const char *uri, unsigned long bandwidth)
{
    VIR_DOMAIN_DEBUG(domain,
                     "dconn=%p, dxml=%s, flags=0x%lx, dname=%s, uri=%s, bandwidth=%lu",
                     (void *)dconn, NULLSTR(dxml), flags, NULLSTR(dname),
                     NULLSTR(uri), bandwidth);

    virResetLastError();

    virCheckDomainReturn(domain, NULL);
    virCheckReadOnlyGoto(domain->conn->flags, error);
    virCheckConnectGoto(dconn, error);
    virCheckReadOnlyGoto(dconn->flags, error);

    return virDomainMigrateLegacy(domain, dconn, dxml, flags, dname, uri,
                                  bandwidth, false, __func__);

 error:
    virDispatchError(domain->conn);
    return NULL;
}


virDomainPtr
virDomainMigrate3(virDomainPtr domain, virConnectPtr dconn,
                  virTypedParameterPtr params, unsigned int nparams,
                  unsigned int flags)
{
    virDomainPtr ddomain = NULL;
    unsigned long lflags = flags;
    const char *uri = NULL;
    const char *dname = NULL;
    const char *dxml = NULL;
    unsigned long long bandwidth = 0;
    int rc;

    VIR_DOMAIN_DEBUG(domain, "dconn=%p, params=%p, nparams=%u, flags=0x%x",
                     (void *)dconn, (void *)params, nparams, flags);

    virResetLastError();

    virCheckDomainReturn(domain, NULL);
    virCheckReadOnlyGoto(domain->conn->flags, error);
    /* Upstream checks only that dconn is writable, crashing on NULL;
     * validating it first turns that into an error. */
    virCheckConnectGoto(dconn, error);
    virCheckReadOnlyGoto(dconn->flags, error);

    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_MIGRATE_NON_SHARED_DISK,
                             VIR_MIGRATE_NON_SHARED_INC, error);
    VIR_REQUIRE_FLAG_GOTO(VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES,
                          VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC,
                          error);

    if (flags & VIR_MIGRATE_PEER2PEER) {
        virReportInvalidArg(flags, "%s",
                            "use virDomainMigrateToURI3 for peer-to-peer migration");
        goto error;
    }
    if (flags & VIR_MIGRATE_TUNNELLED) {
        virReportInvalidArg(flags, "%s",
                            "cannot perform tunnelled migration without using peer2peer flag");
        goto error;
    }

    if (virDomainMigrateCheckOffline(domain->conn, dconn, flags) < 0)
        goto error;
    if (virDomainMigrateCheckProtection(domain->conn, &lflags) < 0)
        goto error;
    flags = lflags;

    /* Prefer parameters; fall back to plain protocol 3 when the caller
     * passed nothing it cannot carry. */
    if ((rc = virDomainMigrateBothSupport(domain->conn, dconn,
                                          VIR_DRV_FEATURE_MIGRATION_PARAMS)) < 0)
        goto error;
    if (rc) {
        VIR_DEBUG("Using migration protocol 3 with extensible parameters");
        ddomain = virDomainMigrateVersion3Full(domain, dconn, NULL, NULL, NULL,
                                               0, params, nparams, true, flags);
        goto done;
    }

    if (!virDomainMigrateParamsOnly(params, nparams,
                                    virDomainMigrateCompatParams,
                                    G_N_ELEMENTS(virDomainMigrateCompatParams))) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "%s",
                       "Migration APIs with extensible parameters are not supported but extended parameters were passed");
        goto error;
    }
    if (virDomainMigrateParamsUnpack(params, nparams, &uri, &dname, &dxml,
                                     &bandwidth) < 0)
        goto error;

    if ((rc = virDomainMigrateBothSupport(domain->conn, dconn,
                                          VIR_DRV_FEATURE_MIGRATION_V3)) < 0)
        goto error;
    if (!rc) {
        virReportUnsupportedError();
        goto error;
    }
    VIR_DEBUG("Using migration protocol 3");
    ddomain = virDomainMigrateVersion3Full(domain, dconn, dxml, dname, uri,
                                           bandwidth, NULL, 0, false, flags);

 done:
    if (!ddomain)
        goto error;
    return ddomain;

 error:
    virDispatchError(domain->conn);
    return NULL;
}


/* Checks shared by the ToURI variants, which never see the destination
 * connection. */
static int
virDomainMigrateUnmanagedCheckCompat(virDomainPtr domain, unsigned long flags)
{
    VIR_EXCLUSIVE_FLAGS_RET(VIR_MIGRATE_NON_SHARED_DISK,
                            VIR_MIGRATE_NON_SHARED_INC, -1);
    VIR_REQUIRE_FLAG_RET(VIR_MIGRATE_NON_SHARED_SYNCHRONOUS_WRITES,
                         VIR_MIGRATE_NON_SHARED_DISK | VIR_MIGRATE_NON_SHARED_INC,
                         -1);

    if (virDomainMigrateCheckOffline(domain->conn, NULL, flags) < 0)
        return -1;

    if (flags & VIR_MIGRATE_PEER2PEER)
        return virDomainRequireFeature(domain->conn, VIR_DRV_FEATURE_MIGRATION_P2P,
                                       "p2p migration is not supported by the source host");
    return virDomainRequireFeature(domain->conn, VIR_DRV_FEATURE_MIGRATION_DIRECT,
                                   "direct migration is not supported by the source host");
}


int
virDomainMigrateToURI(virDomainPtr domain, const char *duri,
                      unsigned long flags, const char *dname,
                      unsigned long bandwidth)
{
    const char *dconnuri = NULL;
    const char *miguri = NULL;

    VIR_DOMAIN_DEBUG(domain, "duri=%s, flags=0x%lx, dname=%s, bandwidth=%lu",
                     NULLSTR(duri), flags, NULLSTR(dname), bandwidth);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    virCheckReadOnlyGoto(domain->conn->flags, error);
    virCheckNonNullArgGoto(duri, error);

    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_MIGRATE_TUNNELLED, VIR_MIGRATE_PARALLEL, error);

    if (virDomainMigrateUnmanagedCheckCompat(domain, flags) < 0)
        goto error;

    /* One URI: the destination libvirtd for peer-to-peer, the hypervisor's
     * migration address otherwise. */
    if (flags & VIR_MIGRATE_PEER2PEER)
        dconnuri = duri;
    else
        miguri = duri;

    if (virDomainMigrateUnmanaged(domain, NULL, flags, dname, dconnuri,
                                  miguri, bandwidth) < 0)
        goto error;
    return 0;

 error:
    virDispatchError(domain->conn);
    return -1;
}


int
virDomainMigrateToURI2(virDomainPtr domain, const char *dconnuri,
                       const char *miguri, const char *dxml,
                       unsigned long flags, const char *dname,
                       unsigned long bandwidth)
{
    VIR_DOMAIN_DEBUG(domain, "dconnuri=%s, miguri=%s, dxml=%s, "
                     "flags=0x%lx, dname=%s, bandwidth=%lu",
                     NULLSTR(dconnuri), NULLSTR(miguri), NULLSTR(dxml),
                     flags, NULLSTR(dname), bandwidth);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    virCheckReadOnlyGoto(domain->conn->flags, error);

    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_MIGRATE_TUNNELLED, VIR_MIGRATE_PARALLEL, error);

    if (virDomainMigrateUnmanagedCheckCompat(domain, flags) < 0)
        goto error;

    if (flags & VIR_MIGRATE_PEER2PEER)
        virCheckNonNullArgGoto(dconnuri, error);
    else
        dconnuri = NULL;

    if (virDomainMigrateUnmanaged(domain, dxml, flags, dname, dconnuri,
                                  miguri, bandwidth) < 0)
        goto error;
    return 0;

 error:
    virDispatchError(domain->conn);
    return -1;
}


int
virDomainMigrateToURI3(virDomainPtr domain, const char *dconnuri,
                       virTypedParameterPtr params, unsigned int nparams,
                       unsigned int flags)
{
    VIR_DOMAIN_DEBUG(domain, "dconnuri=%s, params=%p, nparams=%u, flags=0x%x",
                     NULLSTR(dconnuri), (void *)params, nparams, flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    virCheckReadOnlyGoto(domain->conn->flags, error);

    VIR_EXCLUSIVE_FLAGS_GOTO(VIR_MIGRATE_TUNNELLED, VIR_MIGRATE_PARALLEL, error);

    if (virDomainMigrateUnmanagedCheckCompat(domain, flags) < 0)
        goto error;

    if (flags & VIR_MIGRATE_PEER2PEER)
        virCheckNonNullArgGoto(dconnuri, error);
    else
        dconnuri = NULL;

    if (virDomainMigrateUnmanagedParams(domain, dconnuri, params, nparams,
                                        flags) < 0)
        goto error;
    return 0;

 error:
    virDispatchError(domain->conn);
    return -1;
}
