/*
 * libvirt.c: library initialisation and the life of a connection.
 *
 * virInitialize() runs once per process: it sets up error reporting and
 * logging and registers the built-in drivers in probe order.  The
 * virConnectOpen() family turns a URI (given, from LIBVIRT_DEFAULT_URI, from
 * the client configuration or probed) into a connection by offering it to
 * each registered driver in turn; virConnectClose() drops the caller's
 * reference, and the driver is closed when the last reference goes.
 */
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

#include "datatypes.h"
#include "driver.h"
#include "util/viruri.h"
#include "util/virconf.h"
#include "drivers/test/test_driver.h"

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("libvirt");

/* ---- the default authentication callback ---- */

/* Reads one line from stdin without its newline.  With echo off (and stdin
 * a terminal) the typed characters are not shown, for passphrases.
 * Returns NULL on a read error; end of input reads as "". */
static char *
virConnectAuthReadLine(bool echo, bool *failed)
{
    char buf[1024];
    struct termios saved;
    bool restore = false;
    char *ret = NULL;
    size_t len;

    *failed = false;
    if (!echo && isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved) == 0) {
        struct termios quiet = saved;

        quiet.c_lflag &= ~(tcflag_t)ECHO;
        if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0)
            restore = true;
    }

    if (fgets(buf, sizeof(buf), stdin)) {
        len = strlen(buf);
        if (len > 0 && buf[len - 1] == '\n')
            buf[len - 1] = '\0';
        ret = g_strdup(buf);
    } else if (!feof(stdin)) {
        *failed = true;
    }

    if (restore) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        /* The user's Enter was not echoed either. */
        fputc('\n', stdout);
        fflush(stdout);
    }
    return ret;
}

/* Prompts on the terminal for each credential, as upstream's default
 * callback does: "<prompt>: ", an empty answer takes the default result. */
static int
virConnectAuthCallbackDefault(virConnectCredentialPtr cred, unsigned int ncred,
                              void *cbdata G_GNUC_UNUSED)
{
    size_t i;

    for (i = 0; i < ncred; i++) {
        g_autofree char *answer = NULL;
        bool echo = true;
        bool failed = false;

        switch (cred[i].type) {
        case VIR_CRED_EXTERNAL:
            /* Nothing to ask: a PolicyKit user may already have
             * authenticated outside libvirt. */
            if (STRNEQ(NULLSTR_EMPTY(cred[i].challenge), "PolicyKit"))
                return -1;
            continue;

        case VIR_CRED_USERNAME:
        case VIR_CRED_AUTHNAME:
        case VIR_CRED_ECHOPROMPT:
        case VIR_CRED_REALM:
            break;

        case VIR_CRED_PASSPHRASE:
        case VIR_CRED_NOECHOPROMPT:
            echo = false;
            break;

        default:
            return -1;
        }

        if (printf("%s: ", NULLSTR_EMPTY(cred[i].prompt)) < 0 ||
            fflush(stdout) != 0)
            return -1;

        answer = virConnectAuthReadLine(echo, &failed);
        if (failed)
            return -1;

        if (answer && *answer)
            cred[i].result = g_steal_pointer(&answer);
        else
            cred[i].result = g_strdup(NULLSTR_EMPTY(cred[i].defresult));
        cred[i].resultlen = strlen(cred[i].result);
    }

    return 0;
}

/* USERNAME is left out on purpose, as upstream does: asking for it too
 * means two name prompts, and acting as another user is rarely wanted. */
static int virConnectCredTypeDefault[] = {
    VIR_CRED_AUTHNAME,   VIR_CRED_ECHOPROMPT,   VIR_CRED_REALM,
    VIR_CRED_PASSPHRASE, VIR_CRED_NOECHOPROMPT, VIR_CRED_EXTERNAL,
};

static virConnectAuth virConnectAuthDefault = {
    .credtype = virConnectCredTypeDefault,
    .ncredtype = G_N_ELEMENTS(virConnectCredTypeDefault),
    .cb = virConnectAuthCallbackDefault,
    .cbdata = NULL,
};

virConnectAuthPtr virConnectAuthPtrDefault = &virConnectAuthDefault;

/* ---- initialisation ---- */

static bool virGlobalError;

static gpointer
virGlobalInit(gpointer data G_GNUC_UNUSED)
{
    if (virErrorInitialize() < 0)
        goto error;

    /* Environment-driven configuration (logging, URIs) must not be
     * steerable by the caller of a privileged program. */
    if (getuid() != geteuid() || getgid() != getegid()) {
        virReportError(
            VIR_ERR_INTERNAL_ERROR, "%s",
            "libvirt.so is not safe to use from setuid/setgid programs");
        goto error;
    }

    virLogSetFromEnv();

    VIR_DEBUG("register drivers");

    /* Registration order is probe order: the first driver to accept a URI
     * gets the connection. */
    if (testRegister() < 0)
        goto error;

    return NULL;

error:
    virGlobalError = true;
    return NULL;
}

int
virInitialize(void)
{
    static GOnce once = G_ONCE_INIT;

    g_once(&once, virGlobalInit, NULL);
    if (virGlobalError) {
        virDispatchError(NULL);
        return -1;
    }
    return 0;
}

/* ---- the connection object ---- */

/* Connections opened here are a subclass of virConnect whose dispose step
 * closes the driver: the last reference may be dropped by a domain or
 * network object long after the application's virConnectClose. */
static void virConnectOpenedDispose(void *obj);

static const virClass virConnectOpenedClass = {
    .name = "virConnectOpened",
    .parent = &virConnectClass,
    .size = sizeof(virConnect),
    .dispose = virConnectOpenedDispose,
};

static void
virConnectOpenedDispose(void *obj)
{
    virConnectPtr conn = obj;
    virErrorPtr saved = NULL;

    /* Disposal can happen inside an unrelated call (virDomainFree); keep
     * that call's error intact whatever the driver reports on close. */
    virErrorPreserveLast(&saved);
    if (conn->driver && conn->driver->connectClose)
        conn->driver->connectClose(conn);
    conn->driver = NULL;
    virErrorRestore(&saved);

    virURIFree(conn->uri);
    conn->uri = NULL;
}

/* ---- opening a connection ---- */

static int
virConnectGetDefaultURI(virConf *conf, char **name)
{
    const char *defname = getenv("LIBVIRT_DEFAULT_URI");

    if (defname && *defname) {
        VIR_DEBUG("Using LIBVIRT_DEFAULT_URI '%s'", defname);
        *name = g_strdup(defname);
        return 0;
    }

    if (conf && virConfGetValueString(conf, "uri_default", name) < 0)
        return -1;
    if (*name)
        VIR_DEBUG("Using config file uri '%s'", *name);
    return 0;
}

/* "qemu://system" parses with "system" as the host name; tell the user
 * what they most likely meant instead of failing to reach host "system". */
static int
virConnectCheckURIMissingSlash(const char *uristr, virURI *uri)
{
    if (!uri->path || !uri->server)
        return 0;

    if (STRNEQ(uri->scheme, "qemu") && STRNEQ(uri->scheme, "vbox") &&
        STRNEQ(uri->scheme, "vz"))
        return 0;

    if (STREQ(uri->server, "session") || STREQ(uri->server, "system")) {
        virReportError(VIR_ERR_INTERNAL_ERROR,
                       "invalid URI %s (maybe you want %s:///%s)", uristr,
                       uri->scheme, uri->server);
        return -1;
    }
    return 0;
}

/* Whether the driver claims the URI's scheme (a driver with no scheme
 * list decides for itself in connectOpen). */
static bool
virConnectDriverMatches(virConnectDriver *drv, virURI *uri)
{
    size_t s;

    if (drv->localOnly && uri && uri->server) {
        VIR_DEBUG("Server present, skipping local only driver");
        return false;
    }
    if (!drv->uriSchemes)
        return true;
    if (!uri) {
        VIR_DEBUG("No URI, skipping driver with URI whitelist");
        return false;
    }
    for (s = 0; drv->uriSchemes[s]; s++) {
        if (STREQ(uri->scheme, drv->uriSchemes[s])) {
            VIR_DEBUG("Matched URI scheme '%s'", uri->scheme);
            return true;
        }
    }
    VIR_DEBUG("No matching URI scheme");
    return false;
}

static void
virConnectSetDriver(virConnectPtr conn, virConnectDriver *drv)
{
    conn->driver = drv ? drv->hypervisorDriver : NULL;
    conn->interfaceDriver = drv ? drv->interfaceDriver : NULL;
    conn->networkDriver = drv ? drv->networkDriver : NULL;
    conn->nodeDeviceDriver = drv ? drv->nodeDeviceDriver : NULL;
    conn->nwfilterDriver = drv ? drv->nwfilterDriver : NULL;
    conn->secretDriver = drv ? drv->secretDriver : NULL;
    conn->storageDriver = drv ? drv->storageDriver : NULL;
}

/* Picks the URI: the caller's, else the environment's or the client
 * configuration's default, else the first a driver's probe offers.
 * Leaves *uristr NULL when there is none at all. */
static int
virConnectChooseURI(const char *name, virConf *conf, char **uristr)
{
    size_t i;

    if (name) {
        *uristr = g_strdup(name);
        return 0;
    }

    if (virConnectGetDefaultURI(conf, uristr) < 0)
        return -1;
    if (*uristr)
        return 0;

    VIR_DEBUG("Trying to probe for default URI");
    for (i = 0; i < virConnectDriverCount() && !*uristr; i++) {
        virHypervisorDriver *hv = virConnectDriverAt(i)->hypervisorDriver;

        if (!hv->connectURIProbe)
            continue;
        if (hv->connectURIProbe(uristr) < 0)
            return -1;
        VIR_DEBUG("%s driver URI probe returned '%s'", hv->name,
                  NULLSTR(*uristr));
    }
    return 0;
}

/* Parses uristr into conn->uri, after alias resolution. */
static int
virConnectParseURI(virConnectPtr conn, const char *name, const char *uristr,
                   virConf *conf, unsigned int flags)
{
    g_autofree char *alias = NULL;

    if (!(flags & VIR_CONNECT_NO_ALIASES) && conf &&
        virURIResolveAlias(conf, uristr, &alias) < 0)
        return -1;
    if (alias)
        uristr = alias;

    if (!(conn->uri = virURIParse(uristr)))
        return -1;

    /* Drivers need not tell a missing path from an empty one. */
    if (!conn->uri->path)
        conn->uri->path = g_strdup("");

    VIR_DEBUG("Split \"%s\" to URI components: scheme %s server %s "
              "user %s port %d path %s",
              uristr, NULLSTR(conn->uri->scheme), NULLSTR(conn->uri->server),
              NULLSTR(conn->uri->user), conn->uri->port, conn->uri->path);

    if (!conn->uri->scheme) {
        virReportError(VIR_ERR_NO_CONNECT,
                       "URI '%s' does not include a driver name",
                       name ? name : uristr);
        return -1;
    }

    return virConnectCheckURIMissingSlash(uristr, conn->uri);
}

/* Offers the connection to each driver in registration order until one
 * accepts it (or fails it outright). */
static int
virConnectOpenDriver(virConnectPtr conn, const char *name,
                     virConnectAuthPtr auth, unsigned int flags)
{
    size_t i;

    for (i = 0; i < virConnectDriverCount(); i++) {
        virConnectDriver *drv = virConnectDriverAt(i);
        virDrvOpenStatus res;

        VIR_DEBUG("trying driver %zu (%s) ...", i, drv->hypervisorDriver->name);
        if (!virConnectDriverMatches(drv, conn->uri))
            continue;

        virConnectSetDriver(conn, drv);
        res = drv->hypervisorDriver->connectOpen(conn, auth, flags);
        VIR_DEBUG("driver %zu %s returned %s", i, drv->hypervisorDriver->name,
                  res == VIR_DRV_OPEN_SUCCESS    ? "SUCCESS"
                  : res == VIR_DRV_OPEN_DECLINED ? "DECLINED"
                  : res == VIR_DRV_OPEN_ERROR    ? "ERROR"
                                                 : "unknown status");

        if (res == VIR_DRV_OPEN_SUCCESS)
            return 0;

        /* A driver that did not open has released its own state: the
         * dispose step must not close it. */
        virConnectSetDriver(conn, NULL);
        if (res == VIR_DRV_OPEN_ERROR)
            return -1;
    }

    virReportError(VIR_ERR_NO_CONNECT, "%s", NULLSTR(name));
    return -1;
}

static virConnectPtr
virConnectOpenInternal(const char *name, virConnectAuthPtr auth,
                       unsigned int flags)
{
    g_autoptr(virConf) conf = NULL;
    g_autofree char *uristr = NULL;
    virConnectPtr conn;

    if (virConfLoadClientConfig(&conf) < 0)
        return NULL;

    if (name && *name == '\0')
        name = NULL;

    /* Historical spellings of the Xen URI that the parser cannot take. */
    if (name && (g_ascii_strcasecmp(name, "xen") == 0 || STREQ(name, "xen://")))
        name = "xen:///system";

    if (virConnectChooseURI(name, conf, &uristr) < 0)
        return NULL;

    conn = virObjectNew(&virConnectOpenedClass);
    if (uristr) {
        if (virConnectParseURI(conn, name, uristr, conf, flags) < 0)
            goto error;
    } else {
        VIR_DEBUG("no name, allowing driver auto-select");
    }

    conn->flags = flags & VIR_CONNECT_RO;
    if (virConnectOpenDriver(conn, name, auth, flags) < 0)
        goto error;

    return conn;

error:
    virObjectUnref(conn);
    return NULL;
}

/* The public open calls without authentication. */
static virConnectPtr
virConnectOpenPlain(const char *name, unsigned int flags)
{
    virConnectPtr ret;

    if (virInitialize() < 0)
        return NULL;

    VIR_DEBUG("name=%s", NULLSTR(name));
    virResetLastError();
    if (!(ret = virConnectOpenInternal(name, NULL, flags)))
        virDispatchError(NULL);
    return ret;
}

virConnectPtr
virConnectOpen(const char *name)
{
    return virConnectOpenPlain(name, 0);
}

virConnectPtr
virConnectOpenReadOnly(const char *name)
{
    return virConnectOpenPlain(name, VIR_CONNECT_RO);
}

virConnectPtr
virConnectOpenAuth(const char *name, virConnectAuthPtr auth, unsigned int flags)
{
    virConnectPtr ret;

    if (virInitialize() < 0)
        return NULL;

    VIR_DEBUG("name=%s, auth=%p, flags=0x%x", NULLSTR(name), (void *)auth,
              flags);
    virResetLastError();
    if (!(ret = virConnectOpenInternal(name, auth, flags)))
        virDispatchError(NULL);
    return ret;
}

/* Returns 1 while other references keep the connection alive (upstream
 * promises only "positive", not the count), 0 once it is closed. */
int
virConnectClose(virConnectPtr conn)
{
    VIR_DEBUG("conn=%p", (void *)conn);

    virResetLastError();
    virCheckConnectReturn(conn, -1);

    return virObjectUnref(conn) ? 1 : 0;
}

int
virGetVersion(unsigned long *libVer, const char *type, unsigned long *typeVer)
{
    if (virInitialize() < 0)
        goto error;
    VIR_DEBUG("libVer=%p, type=%s, typeVer=%p", (void *)libVer, NULLSTR(type),
              (void *)typeVer);

    virResetLastError();
    if (!libVer)
        goto error;
    *libVer = VIREO_API_VERSION_NUMBER;

    /* type is ignored: it once named a hypervisor, which a library talking
     * to a remote daemon cannot answer for. */
    if (typeVer)
        *typeVer = VIREO_API_VERSION_NUMBER;
    return 0;

error:
    virDispatchError(NULL);
    return -1;
}
