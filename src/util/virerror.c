/*
 * virerror.c: raising errors inside the library and handing them to the
 * application.
 *
 * Every error lands in the calling thread's last-error slot (a GPrivate, so
 * threads never see each other's errors).  Public entry points finish with
 * virDispatchError(), which copies the error to the connection and runs the
 * callbacks.  The message wording per code and the error domain names are
 * upstream's, since applications match on them.
 */
#define VIR_ENUM_SENTINELS

#include <stdio.h>

#include "internal.h"
#include "datatypes.h"
#include "util/virerrorpriv.h"

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("util.error");

typedef struct {
    const char *msg;     /* the text when there is no detail */
    const char *msginfo; /* a format with one %s for the detail */
} virErrorMsgTuple;

/* Indexed by virErrorNumber. */
static const virErrorMsgTuple virErrorMsgStrings[] = {
    [VIR_ERR_OK] = {NULL, NULL},
    [VIR_ERR_INTERNAL_ERROR] = {"internal error", "internal error: %s"},
    [VIR_ERR_NO_MEMORY] = {"out of memory", "out of memory: %s"},
    [VIR_ERR_NO_SUPPORT] =
        {"this function is not supported by the connection driver",
         "this function is not supported by the connection driver: %s"},
    [VIR_ERR_UNKNOWN_HOST] = {"unknown host", "unknown host %s"},
    [VIR_ERR_NO_CONNECT] = {"no connection driver available",
                            "no connection driver available for %s"},
    [VIR_ERR_INVALID_CONN] = {"invalid connection pointer in",
                              "invalid connection pointer in %s"},
    [VIR_ERR_INVALID_DOMAIN] = {"invalid domain pointer in",
                                "invalid domain pointer in %s"},
    [VIR_ERR_INVALID_ARG] = {"invalid argument", "invalid argument: %s"},
    [VIR_ERR_OPERATION_FAILED] = {"operation failed", "operation failed: %s"},
    [VIR_ERR_GET_FAILED] = {"GET operation failed", "GET operation failed: %s"},
    [VIR_ERR_POST_FAILED] = {"POST operation failed",
                             "POST operation failed: %s"},
    [VIR_ERR_HTTP_ERROR] = {"got unknown HTTP error code",
                            "got unknown HTTP error code %s"},
    [VIR_ERR_SEXPR_SERIAL] = {"failed to serialize S-Expr",
                              "failed to serialize S-Expr: %s"},
    [VIR_ERR_NO_XEN] = {"could not use Xen hypervisor entry",
                        "could not use Xen hypervisor entry %s"},
    [VIR_ERR_XEN_CALL] = {"failed Xen syscall", "failed Xen syscall %s"},
    [VIR_ERR_OS_TYPE] = {"unknown OS type", "unknown OS type %s"},
    [VIR_ERR_NO_KERNEL] = {"missing kernel information",
                           "missing kernel information: %s"},
    [VIR_ERR_NO_ROOT] = {"missing root device information",
                         "missing root device information in %s"},
    [VIR_ERR_NO_SOURCE] = {"missing source information for device",
                           "missing source information for device %s"},
    [VIR_ERR_NO_TARGET] = {"missing target information for device",
                           "missing target information for device %s"},
    [VIR_ERR_NO_NAME] = {"missing name information",
                         "missing name information in %s"},
    [VIR_ERR_NO_OS] = {"missing operating system information",
                       "missing operating system information for %s"},
    [VIR_ERR_NO_DEVICE] = {"missing devices information",
                           "missing devices information for %s"},
    [VIR_ERR_NO_XENSTORE] = {"could not connect to Xen Store",
                             "could not connect to Xen Store %s"},
    [VIR_ERR_DRIVER_FULL] = {"too many drivers registered",
                             "too many drivers registered in %s"},
    [VIR_ERR_CALL_FAILED] = {"library call failed", "library call failed: %s"},
    [VIR_ERR_XML_ERROR] = {"XML description is invalid or not well formed",
                           "XML error: %s"},
    [VIR_ERR_DOM_EXIST] = {"this domain exists already",
                           "domain %s exists already"},
    [VIR_ERR_OPERATION_DENIED] = {"operation forbidden for read only access",
                                  "operation forbidden: %s"},
    [VIR_ERR_OPEN_FAILED] = {"failed to open configuration file",
                             "failed to open configuration file %s"},
    [VIR_ERR_READ_FAILED] = {"failed to read configuration file",
                             "failed to read configuration file %s"},
    [VIR_ERR_PARSE_FAILED] = {"failed to parse configuration file",
                              "failed to parse configuration file %s"},
    [VIR_ERR_CONF_SYNTAX] = {"configuration file syntax error",
                             "configuration file syntax error: %s"},
    [VIR_ERR_WRITE_FAILED] = {"failed to write configuration file",
                              "failed to write configuration file: %s"},
    [VIR_ERR_XML_DETAIL] = {"parser error", "%s"},
    [VIR_ERR_INVALID_NETWORK] = {"invalid network pointer in",
                                 "invalid network pointer in %s"},
    [VIR_ERR_NETWORK_EXIST] = {"this network exists already",
                               "network %s exists already"},
    [VIR_ERR_SYSTEM_ERROR] = {"system call error", "%s"},
    [VIR_ERR_RPC] = {"RPC error", "%s"},
    [VIR_ERR_GNUTLS_ERROR] = {"GNUTLS call error", "%s"},
    [VIR_WAR_NO_NETWORK] = {"Failed to find the network",
                            "Failed to find the network: %s"},
    [VIR_ERR_NO_DOMAIN] = {"Domain not found", "Domain not found: %s"},
    [VIR_ERR_NO_NETWORK] = {"Network not found", "Network not found: %s"},
    [VIR_ERR_INVALID_MAC] = {"invalid MAC address", "invalid MAC address: %s"},
    [VIR_ERR_AUTH_FAILED] = {"authentication failed",
                             "authentication failed: %s"},
    [VIR_ERR_INVALID_STORAGE_POOL] = {"invalid storage pool pointer in",
                                      "invalid storage pool pointer in %s"},
    [VIR_ERR_INVALID_STORAGE_VOL] = {"invalid storage volume pointer in",
                                     "invalid storage volume pointer in %s"},
    [VIR_WAR_NO_STORAGE] = {"Failed to find a storage driver",
                            "Failed to find a storage driver: %s"},
    [VIR_ERR_NO_STORAGE_POOL] = {"Storage pool not found",
                                 "Storage pool not found: %s"},
    [VIR_ERR_NO_STORAGE_VOL] = {"Storage volume not found",
                                "Storage volume not found: %s"},
    [VIR_WAR_NO_NODE] = {"Failed to find a node driver",
                         "Failed to find a node driver: %s"},
    [VIR_ERR_INVALID_NODE_DEVICE] = {"invalid node device pointer",
                                     "invalid node device pointer in %s"},
    [VIR_ERR_NO_NODE_DEVICE] = {"Node device not found",
                                "Node device not found: %s"},
    [VIR_ERR_NO_SECURITY_MODEL] = {"Security model not found",
                                   "Security model not found: %s"},
    [VIR_ERR_OPERATION_INVALID] = {"Requested operation is not valid",
                                   "Requested operation is not valid: %s"},
    [VIR_WAR_NO_INTERFACE] = {"Failed to find the interface",
                              "Failed to find the interface: %s"},
    [VIR_ERR_NO_INTERFACE] = {"Interface not found", "Interface not found: %s"},
    [VIR_ERR_INVALID_INTERFACE] = {"invalid interface pointer in",
                                   "invalid interface pointer in %s"},
    [VIR_ERR_MULTIPLE_INTERFACES] = {"multiple matching interfaces found",
                                     "multiple matching interfaces found: %s"},
    [VIR_WAR_NO_NWFILTER] = {"Failed to start the nwfilter driver",
                             "Failed to start the nwfilter driver: %s"},
    [VIR_ERR_INVALID_NWFILTER] = {"Invalid network filter",
                                  "Invalid network filter: %s"},
    [VIR_ERR_NO_NWFILTER] = {"Network filter not found",
                             "Network filter not found: %s"},
    [VIR_ERR_BUILD_FIREWALL] = {"Error while building firewall",
                                "Error while building firewall: %s"},
    [VIR_WAR_NO_SECRET] = {"Failed to find a secret storage driver",
                           "Failed to find a secret storage driver: %s"},
    [VIR_ERR_INVALID_SECRET] = {"Invalid secret", "Invalid secret: %s"},
    [VIR_ERR_NO_SECRET] = {"Secret not found", "Secret not found: %s"},
    [VIR_ERR_CONFIG_UNSUPPORTED] = {"unsupported configuration",
                                    "unsupported configuration: %s"},
    [VIR_ERR_OPERATION_TIMEOUT] = {"Timed out during operation",
                                   "Timed out during operation: %s"},
    [VIR_ERR_MIGRATE_PERSIST_FAILED] =
        {"Failed to make domain persistent after migration",
         "Failed to make domain persistent after migration: %s"},
    [VIR_ERR_HOOK_SCRIPT_FAILED] = {"Hook script execution failed",
                                    "Hook script execution failed: %s"},
    [VIR_ERR_INVALID_DOMAIN_SNAPSHOT] = {"Invalid domain snapshot",
                                         "Invalid domain snapshot: %s"},
    [VIR_ERR_NO_DOMAIN_SNAPSHOT] = {"Domain snapshot not found",
                                    "Domain snapshot not found: %s"},
    [VIR_ERR_INVALID_STREAM] = {"invalid stream pointer",
                                "invalid stream pointer in %s"},
    [VIR_ERR_ARGUMENT_UNSUPPORTED] = {"argument unsupported",
                                      "argument unsupported: %s"},
    [VIR_ERR_STORAGE_PROBE_FAILED] = {"Storage pool probe failed",
                                      "Storage pool probe failed: %s"},
    [VIR_ERR_STORAGE_POOL_BUILT] = {"Storage pool already built",
                                    "Storage pool already built: %s"},
    [VIR_ERR_SNAPSHOT_REVERT_RISKY] = {"revert requires force",
                                       "revert requires force: %s"},
    [VIR_ERR_OPERATION_ABORTED] = {"operation aborted",
                                   "operation aborted: %s"},
    [VIR_ERR_AUTH_CANCELLED] = {"authentication cancelled",
                                "authentication cancelled: %s"},
    [VIR_ERR_NO_DOMAIN_METADATA] = {"metadata not found",
                                    "metadata not found: %s"},
    [VIR_ERR_MIGRATE_UNSAFE] = {"Unsafe migration", "Unsafe migration: %s"},
    [VIR_ERR_OVERFLOW] = {"numerical overflow", "numerical overflow: %s"},
    [VIR_ERR_BLOCK_COPY_ACTIVE] = {"block copy still active",
                                   "block copy still active: %s"},
    [VIR_ERR_OPERATION_UNSUPPORTED] = {"Operation not supported",
                                       "Operation not supported: %s"},
    [VIR_ERR_SSH] = {"SSH transport error", "SSH transport error: %s"},
    [VIR_ERR_AGENT_UNRESPONSIVE] = {"Guest agent is not responding",
                                    "Guest agent is not responding: %s"},
    [VIR_ERR_RESOURCE_BUSY] = {"resource busy", "resource busy: %s"},
    [VIR_ERR_ACCESS_DENIED] = {"access denied", "access denied: %s"},
    [VIR_ERR_DBUS_SERVICE] = {"error from service", "error from service: %s"},
    [VIR_ERR_STORAGE_VOL_EXIST] = {"this storage volume exists already",
                                   "storage volume %s exists already"},
    [VIR_ERR_CPU_INCOMPATIBLE] = {"the CPU is incompatible with host CPU",
                                  "the CPU is incompatible with host CPU: %s"},
    [VIR_ERR_XML_INVALID_SCHEMA] =
        {"XML document failed to validate against schema",
         "XML document failed to validate against schema: %s"},
    [VIR_ERR_MIGRATE_FINISH_OK] = {"migration successfully aborted",
                                   "migration successfully aborted: %s"},
    [VIR_ERR_AUTH_UNAVAILABLE] = {"authentication unavailable",
                                  "authentication unavailable: %s"},
    [VIR_ERR_NO_SERVER] = {"Server not found", "Server not found: %s"},
    [VIR_ERR_NO_CLIENT] = {"Client not found", "Client not found: %s"},
    [VIR_ERR_AGENT_UNSYNCED] =
        {"guest agent replied with wrong id to guest-sync command",
         "guest agent replied with wrong id to guest-sync command: %s"},
    [VIR_ERR_LIBSSH] = {"libssh transport error", "libssh transport error: %s"},
    [VIR_ERR_DEVICE_MISSING] = {"device not found", "device not found: %s"},
    [VIR_ERR_INVALID_NWFILTER_BINDING] = {"Invalid network filter binding",
                                          "Invalid network filter binding: %s"},
    [VIR_ERR_NO_NWFILTER_BINDING] = {"Network filter binding not found",
                                     "Network filter binding not found: %s"},
    [VIR_ERR_INVALID_DOMAIN_CHECKPOINT] = {"Invalid domain checkpoint",
                                           "Invalid domain checkpoint: %s"},
    [VIR_ERR_NO_DOMAIN_CHECKPOINT] = {"Domain checkpoint not found",
                                      "Domain checkpoint not found: %s"},
    [VIR_ERR_NO_DOMAIN_BACKUP] = {"Domain backup job id not found",
                                  "Domain backup job id not found: %s"},
    [VIR_ERR_INVALID_NETWORK_PORT] = {"Invalid network port pointer",
                                      "Invalid network port pointer: %s"},
    [VIR_ERR_NETWORK_PORT_EXIST] = {"this network port exists already",
                                    "network port %s exists already"},
    [VIR_ERR_NO_NETWORK_PORT] = {"network port not found",
                                 "network port not found: %s"},
    [VIR_ERR_NO_HOSTNAME] = {"no hostname found", "no hostname found: %s"},
    [VIR_ERR_CHECKPOINT_INCONSISTENT] = {"checkpoint inconsistent",
                                         "checkpoint inconsistent: %s"},
    [VIR_ERR_MULTIPLE_DOMAINS] = {"multiple matching domains found",
                                  "multiple matching domains found: %s"},
};
G_STATIC_ASSERT(G_N_ELEMENTS(virErrorMsgStrings) == VIR_ERR_NUMBER_LAST);

/* Indexed by virErrorDomain: what virDefaultErrorFunc prints. */
static const char *const virErrorDomainNames[] = {
    [VIR_FROM_NONE] = "",
    [VIR_FROM_XEN] = "Xen Driver",
    [VIR_FROM_XEND] = "Xen Daemon",
    [VIR_FROM_XENSTORE] = "Xen Store",
    [VIR_FROM_SEXPR] = "S-Expression",
    [VIR_FROM_XML] = "XML Util",
    [VIR_FROM_DOM] = "Domain",
    [VIR_FROM_RPC] = "XML-RPC",
    [VIR_FROM_PROXY] = "Proxy Daemon",
    [VIR_FROM_CONF] = "Config File",
    [VIR_FROM_QEMU] = "QEMU Driver",
    [VIR_FROM_NET] = "Network",
    [VIR_FROM_TEST] = "Test Driver",
    [VIR_FROM_REMOTE] = "Remote Driver",
    [VIR_FROM_OPENVZ] = "OpenVZ Driver",
    [VIR_FROM_XENXM] = "Xen XM Driver",
    [VIR_FROM_STATS_LINUX] = "Linux Statistics",
    [VIR_FROM_LXC] = "LXC Driver",
    [VIR_FROM_STORAGE] = "Storage Driver",
    [VIR_FROM_NETWORK] = "Network Driver",
    [VIR_FROM_DOMAIN] = "Domain Config",
    [VIR_FROM_UML] = "User Mode Linux Driver",
    [VIR_FROM_NODEDEV] = "Node Device Driver",
    [VIR_FROM_XEN_INOTIFY] = "Xen Inotify Driver",
    [VIR_FROM_SECURITY] = "Security Driver",
    [VIR_FROM_VBOX] = "VirtualBox Driver",
    [VIR_FROM_INTERFACE] = "Network Interface Driver",
    [VIR_FROM_ONE] = "Open Nebula Driver",
    [VIR_FROM_ESX] = "ESX Driver",
    [VIR_FROM_PHYP] = "Power Hypervisor Driver",
    [VIR_FROM_SECRET] = "Secrets Driver",
    [VIR_FROM_CPU] = "CPU Driver",
    [VIR_FROM_XENAPI] = "XenAPI Driver",
    [VIR_FROM_NWFILTER] = "Network Filter Driver",
    [VIR_FROM_HOOK] = "Lifecycle Hook",
    [VIR_FROM_DOMAIN_SNAPSHOT] = "Domain Snapshot",
    [VIR_FROM_AUDIT] = "Audit Utils",
    [VIR_FROM_SYSINFO] = "Sysinfo Utils",
    [VIR_FROM_STREAMS] = "I/O Stream Utils",
    [VIR_FROM_VMWARE] = "VMware Driver",
    [VIR_FROM_EVENT] = "Event Loop",
    [VIR_FROM_LIBXL] = "Xen Light Driver",
    [VIR_FROM_LOCKING] = "Lock Driver",
    [VIR_FROM_HYPERV] = "Hyper-V Driver",
    [VIR_FROM_CAPABILITIES] = "Capabilities Utils",
    [VIR_FROM_URI] = "URI Utils",
    [VIR_FROM_AUTH] = "Authentication Utils",
    [VIR_FROM_DBUS] = "DBus Utils",
    [VIR_FROM_PARALLELS] = "Parallels Cloud Server",
    [VIR_FROM_DEVICE] = "Device Config",
    [VIR_FROM_SSH] = "SSH transport layer",
    [VIR_FROM_LOCKSPACE] = "Lock Space",
    [VIR_FROM_INITCTL] = "Init control",
    [VIR_FROM_IDENTITY] = "Identity",
    [VIR_FROM_CGROUP] = "Cgroup",
    [VIR_FROM_ACCESS] = "Access Manager",
    [VIR_FROM_SYSTEMD] = "Systemd",
    [VIR_FROM_BHYVE] = "Bhyve",
    [VIR_FROM_CRYPTO] = "Crypto",
    [VIR_FROM_FIREWALL] = "Firewall",
    [VIR_FROM_POLKIT] = "Polkit",
    [VIR_FROM_THREAD] = "Thread jobs",
    [VIR_FROM_ADMIN] = "Admin Interface",
    [VIR_FROM_LOGGING] = "Log Manager",
    [VIR_FROM_XENXL] = "Xen XL Config",
    [VIR_FROM_PERF] = "Perf",
    [VIR_FROM_LIBSSH] = "Libssh transport layer",
    [VIR_FROM_RESCTRL] = "Resource control",
    [VIR_FROM_FIREWALLD] = "FirewallD",
    [VIR_FROM_DOMAIN_CHECKPOINT] = "Domain Checkpoint",
    [VIR_FROM_TPM] = "TPM",
    [VIR_FROM_BPF] = "BPF",
    [VIR_FROM_CH] = "Cloud-Hypervisor Driver",
};
G_STATIC_ASSERT(G_N_ELEMENTS(virErrorDomainNames) == VIR_ERR_DOMAIN_LAST);

static void
virLastErrFree(gpointer data)
{
    virErrorPtr err = data;

    virErrorClear(err);
    g_free(err);
}

/* Freed with its thread, so a short-lived worker leaks nothing. */
static GPrivate virLastErr = G_PRIVATE_INIT(virLastErrFree);

static GMutex virErrorHandlerLock;
static virErrorFunc virErrorHandler;
static void *virErrorHandlerData;

int
virErrorInitialize(void)
{
    /* GPrivate needs no set-up; kept for the library's init sequence. */
    return 0;
}

virErrorPtr
virErrorLastObject(void)
{
    virErrorPtr err = g_private_get(&virLastErr);

    if (!err) {
        err = g_new0(virError, 1);
        g_private_set(&virLastErr, err);
    }
    return err;
}

void
virErrorClear(virErrorPtr err)
{
    if (!err)
        return;
    g_free(err->message);
    g_free(err->str1);
    g_free(err->str2);
    g_free(err->str3);
    memset(err, 0, sizeof(*err));
}

int
virCopyErrorInternal(const virError *from, virError *to)
{
    if (!to)
        return 0;
    virErrorClear(to);
    if (!from)
        return 0;
    to->code = from->code;
    to->domain = from->domain;
    to->level = from->level;
    to->message = g_strdup(from->message);
    to->str1 = g_strdup(from->str1);
    to->str2 = g_strdup(from->str2);
    to->str3 = g_strdup(from->str3);
    to->int1 = from->int1;
    to->int2 = from->int2;
    /* conn, dom and net are left NULL: the copy may outlive them. */
    return 0;
}

void
virErrorSetGlobalHandler(void *userData, virErrorFunc handler)
{
    g_mutex_lock(&virErrorHandlerLock);
    virErrorHandler = handler;
    virErrorHandlerData = userData;
    g_mutex_unlock(&virErrorHandlerLock);
}

void
virErrorPrintDefault(const virError *err)
{
    const char *lvl = "";
    const char *dom = "Unknown";
    const char *objname = "";
    size_t len;

    if (!err || err->code == VIR_ERR_OK)
        return;

    if (err->level == VIR_ERR_WARNING)
        lvl = "warning";
    else if (err->level == VIR_ERR_ERROR)
        lvl = "error";

    if (err->domain >= 0 && err->domain < VIR_ERR_DOMAIN_LAST)
        dom = virErrorDomainNames[err->domain];

    /* The object's name is only shown when it is not the invalid one. */
    if (err->dom && err->code != VIR_ERR_INVALID_DOMAIN)
        objname = err->dom->name;
    else if (err->net && err->code != VIR_ERR_INVALID_NETWORK)
        objname = err->net->name;

    len = err->message ? strlen(err->message) : 0;
    if (err->domain == VIR_FROM_XML && err->code == VIR_ERR_XML_DETAIL &&
        err->int1 != 0) {
        fprintf(stderr, "libvirt: %s %s %s: line %d: %s", dom, lvl,
                NULLSTR_EMPTY(objname), err->int1, NULLSTR_EMPTY(err->message));
    } else {
        fprintf(stderr, "libvirt: %s %s %s: %s%s", dom, lvl,
                NULLSTR_EMPTY(objname), NULLSTR_EMPTY(err->message),
                (len == 0 || err->message[len - 1] != '\n') ? "\n" : "");
    }
}

void
virDispatchError(virConnectPtr conn)
{
    virErrorPtr err = virErrorLastObject();
    virErrorFunc handler;
    void *userData;

    /* An entry point failed without saying why: give the caller
     * something rather than "no error". */
    if (err->code == VIR_ERR_OK) {
        err->code = VIR_ERR_INTERNAL_ERROR;
        err->domain = VIR_FROM_NONE;
        err->level = VIR_ERR_ERROR;
        g_free(err->message);
        err->message = g_strdup("An error occurred, but the cause is unknown");
    }

    g_mutex_lock(&virErrorHandlerLock);
    handler = virErrorHandler;
    userData = virErrorHandlerData;
    g_mutex_unlock(&virErrorHandlerLock);

    /* The connection's own handler takes precedence over the global one. */
    if (conn) {
        virObjectLock(conn);
        virCopyErrorInternal(err, &conn->err);
        if (conn->handler) {
            handler = conn->handler;
            userData = conn->userData;
        }
        virObjectUnlock(conn);
    }

    if (handler)
        handler(userData, err);
    else
        virErrorPrintDefault(err);
}

static int
virErrorLevelPriority(virErrorLevel level)
{
    switch (level) {
    case VIR_ERR_NONE:
        return VIR_LOG_INFO;
    case VIR_ERR_WARNING:
        return VIR_LOG_WARN;
    case VIR_ERR_ERROR:
    default:
        return VIR_LOG_ERROR;
    }
}

/* Stores an error in the thread's slot, taking ownership of the strings,
 * and copies it to the log.  Leaves errno alone. */
static void
virRaiseErrorInternal(const char *filename, const char *funcname, size_t linenr,
                      int domain, int code, virErrorLevel level, char *msgarg,
                      char *str1arg, char *str2arg, char *str3arg, int int1,
                      int int2)
{
    g_autofree char *msg = msgarg;
    g_autofree char *str1 = str1arg;
    g_autofree char *str2 = str2arg;
    g_autofree char *str3 = str3arg;
    virErrorPtr to = virErrorLastObject();
    int priority;

    virErrorClear(to);
    if (code == VIR_ERR_OK)
        return;

    to->domain = domain;
    to->code = code;
    to->level = level;
    to->message =
        msg ? g_steal_pointer(&msg) : g_strdup("No error message provided");
    to->str1 = g_steal_pointer(&str1);
    to->str2 = g_steal_pointer(&str2);
    to->str3 = g_steal_pointer(&str3);
    to->int1 = int1;
    to->int2 = int2;

    /* With no output configured the log would go to stderr, where the
     * default error handler already prints the error: log it only when
     * the user asked for log outputs, as upstream does. */
    priority = virErrorLevelPriority(level);
    if (virLogGetNbOutputs() > 0 && VIR_LOG_ENABLED(&virLogSelf, priority))
        virLogMessage(&virLogSelf, priority, filename, (int)linenr, funcname,
                      "%s", to->message);
}

void
virRaiseErrorFull(const char *filename, const char *funcname, size_t linenr,
                  int domain, int code, virErrorLevel level, const char *str1,
                  const char *str2, const char *str3, int int1, int int2,
                  const char *fmt, ...)
{
    int save_errno = errno;
    char *msg = NULL;

    if (fmt) {
        va_list ap;

        va_start(ap, fmt);
        msg = g_strdup_vprintf(fmt, ap);
        va_end(ap);
    }

    virRaiseErrorInternal(filename, funcname, linenr, domain, code, level, msg,
                          g_strdup(str1), g_strdup(str2), g_strdup(str3), int1,
                          int2);
    errno = save_errno;
}

const char *
virErrorMsg(virErrorNumber error, const char *info)
{
    if ((int)error < 0 || error >= VIR_ERR_NUMBER_LAST)
        return NULL;
    return info ? virErrorMsgStrings[error].msginfo
                : virErrorMsgStrings[error].msg;
}

/* Builds "<generic text for code>: <detail>" and raises it with the
 * format in str1 and the detail in str2, as upstream fills them. */
static void
virRaiseWithDetail(int domcode, int code, const char *filename,
                   const char *funcname, size_t linenr, char *detail, int int1)
{
    const char *fmt = virErrorMsg(code, detail);
    char *fullmsg = NULL;

    if (fmt)
        fullmsg = detail ? g_strdup_printf(fmt, detail) : g_strdup(fmt);

    virRaiseErrorInternal(filename, funcname, linenr, domcode, code,
                          VIR_ERR_ERROR, fullmsg, g_strdup(fmt), detail, NULL,
                          int1, -1);
}

void
virReportErrorHelper(int domcode, int errcode, const char *filename,
                     const char *funcname, size_t linenr, const char *fmt, ...)
{
    int save_errno = errno;
    char *detail = NULL;

    if (fmt) {
        va_list ap;

        va_start(ap, fmt);
        detail = g_strdup_vprintf(fmt, ap);
        va_end(ap);
    }

    virRaiseWithDetail(domcode, errcode, filename, funcname, linenr, detail,
                       -1);
    errno = save_errno;
}

void
virReportSystemErrorFull(int domcode, int theerrno, const char *filename,
                         const char *funcname, size_t linenr, const char *fmt,
                         ...)
{
    int save_errno = errno;
    GString *buf = g_string_new(NULL);

    if (fmt) {
        va_list ap;

        va_start(ap, fmt);
        g_string_append_vprintf(buf, fmt, ap);
        va_end(ap);
        g_string_append(buf, ": ");
    }
    g_string_append(buf, g_strerror(theerrno));

    virRaiseWithDetail(domcode, VIR_ERR_SYSTEM_ERROR, filename, funcname,
                       linenr, g_string_free(buf, FALSE), theerrno);
    errno = save_errno;
}

void
virErrorPreserveLast(virErrorPtr *saveerr)
{
    int save_errno = errno;
    virErrorPtr err = virErrorLastObject();

    *saveerr = NULL;
    if (err->code != VIR_ERR_OK) {
        *saveerr = g_new0(virError, 1);
        virCopyErrorInternal(err, *saveerr);
    }
    errno = save_errno;
}

void
virErrorRestore(virErrorPtr *savederr)
{
    int save_errno = errno;

    if (!*savederr)
        return;
    virCopyErrorInternal(*savederr, virErrorLastObject());
    virErrorClear(*savederr);
    g_clear_pointer(savederr, g_free);
    errno = save_errno;
}
