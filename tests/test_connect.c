/*
 * test_connect.c: opening and closing connections through the public API.
 *
 * Drives libvirt.so with the built-in test driver: URI resolution (given,
 * LIBVIRT_DEFAULT_URI, the client configuration's default and aliases),
 * reference counting, read-only and authenticated opens, the errors of a
 * failed open, and the fake host test:///default describes (the values
 * are upstream's, checked against the installed upstream library).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "libvirt/libvirt.h"
#include "libvirt/virterror.h"

#define TEST_URI "test:///default"
#define CAPS_SCHEMA "/usr/share/libvirt/schemas/capability.rng"

/* Errors are checked through virGetLastError; keep stderr quiet. */
static void
quietErrorFunc(void *userdata G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
}

/* Asserts the thread's last error has this code, domain and message. */
static void
assertLastError(int code, int domain, const char *message)
{
    virErrorPtr err = virGetLastError();

    g_assert_nonnull(err);
    g_assert_cmpint(err->code, ==, code);
    g_assert_cmpint(err->domain, ==, domain);
    if (message)
        g_assert_cmpstr(err->message, ==, message);
}

static void
test_open_close_refs(void)
{
    virConnectPtr conn = virConnectOpen(TEST_URI);
    g_autofree char *uri = NULL;

    g_assert_nonnull(conn);
    uri = virConnectGetURI(conn);
    g_assert_cmpstr(uri, ==, TEST_URI);

    g_assert_cmpint(virConnectRef(conn), ==, 0);
    g_assert_cmpint(virConnectRef(conn), ==, 0);
    /* Positive while references remain, 0 once closed. */
    g_assert_cmpint(virConnectClose(conn), ==, 1);
    g_assert_cmpint(virConnectClose(conn), ==, 1);
    g_assert_cmpint(virConnectClose(conn), ==, 0);

    g_assert_cmpint(virConnectClose(NULL), ==, -1);
    assertLastError(VIR_ERR_INVALID_CONN, VIR_FROM_NONE, NULL);
    g_assert_cmpint(virConnectRef(NULL), ==, -1);
    assertLastError(VIR_ERR_INVALID_CONN, VIR_FROM_DOMAIN, NULL);
}

/* Two test:///default connections share one fake host; closing one leaves
 * the other working. */
static void
test_open_shared_default(void)
{
    virConnectPtr a = virConnectOpen(TEST_URI);
    virConnectPtr b = virConnectOpen(TEST_URI);
    virNodeInfo info;

    g_assert_nonnull(a);
    g_assert_nonnull(b);
    g_assert_true(a != b);
    g_assert_cmpint(virConnectClose(a), ==, 0);
    g_assert_cmpint(virNodeGetInfo(b, &info), ==, 0);
    g_assert_cmpint(info.cpus, ==, 16);
    g_assert_cmpint(virConnectClose(b), ==, 0);

    /* Reopening after the last close builds the state afresh. */
    a = virConnectOpen(TEST_URI);
    g_assert_nonnull(a);
    g_assert_cmpint(virConnectIsAlive(a), ==, 1);
    g_assert_cmpint(virConnectClose(a), ==, 0);
}

static void
test_open_readonly(void)
{
    virConnectPtr conn = virConnectOpenReadOnly(TEST_URI);

    g_assert_nonnull(conn);
    g_assert_cmpstr(virConnectGetType(conn), ==, "TEST");
    /* Calls that change the host are refused on a read-only connection. */
    g_assert_cmpint(virNodeSuspendForDuration(conn, 0, 0, 0), ==, -1);
    assertLastError(VIR_ERR_OPERATION_DENIED, VIR_FROM_DOMAIN, NULL);
    g_assert_cmpint(virConnectClose(conn), ==, 0);
}

static int authCallbackCalls;

static int
authCallback(virConnectCredentialPtr cred, unsigned int ncred, void *cbdata)
{
    unsigned int i;

    g_assert_cmpstr(cbdata, ==, "cookie");
    authCallbackCalls++;
    for (i = 0; i < ncred; i++) {
        cred[i].result = g_strdup("x");
        cred[i].resultlen = 1;
    }
    return 0;
}

static void
test_open_auth(void)
{
    int credtypes[] = {VIR_CRED_AUTHNAME, VIR_CRED_PASSPHRASE};
    virConnectAuth auth = {
        .credtype = credtypes,
        .ncredtype = G_N_ELEMENTS(credtypes),
        .cb = authCallback,
        .cbdata = (void *)"cookie",
    };
    virConnectPtr conn;

    /* test:///default has no users, so the callback is never needed. */
    authCallbackCalls = 0;
    conn = virConnectOpenAuth(TEST_URI, &auth, 0);
    g_assert_nonnull(conn);
    g_assert_cmpint(authCallbackCalls, ==, 0);
    g_assert_cmpint(virConnectClose(conn), ==, 0);

    conn = virConnectOpenAuth(TEST_URI, &auth, VIR_CONNECT_RO);
    g_assert_nonnull(conn);
    g_assert_cmpint(virNodeSuspendForDuration(conn, 0, 0, 0), ==, -1);
    assertLastError(VIR_ERR_OPERATION_DENIED, VIR_FROM_DOMAIN, NULL);
    g_assert_cmpint(virConnectClose(conn), ==, 0);

    conn = virConnectOpenAuth(TEST_URI, virConnectAuthPtrDefault, 0);
    g_assert_nonnull(conn);
    g_assert_cmpint(virConnectClose(conn), ==, 0);

    /* Upstream's test driver takes no flag but VIR_CONNECT_RO. */
    g_assert_null(virConnectOpenAuth(TEST_URI, &auth, VIR_CONNECT_NO_ALIASES));
    assertLastError(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                    "unsupported flags (0x2) in function testConnectOpen");
}

/* The default callback prompts on stdout and reads stdin; an empty answer
 * takes the default result.  Runs in a child with stdin from a file. */
static void
test_auth_default_child(void)
{
    g_autofree char *path = NULL;
    g_autoptr(GError) error = NULL;
    virConnectCredential cred[3] = {
        {.type = VIR_CRED_AUTHNAME, .prompt = "Name"},
        {.type = VIR_CRED_ECHOPROMPT, .prompt = "Realm", .defresult = "dflt"},
        {.type = VIR_CRED_PASSPHRASE, .prompt = "Password"},
    };
    size_t i;
    int fd;

    if (!g_test_subprocess()) {
        g_test_skip("run by /connect/auth-default");
        return;
    }
    fd = g_file_open_tmp("vireo-auth-XXXXXX", &path, &error);
    g_assert_no_error(error);
    close(fd);
    g_file_set_contents(path, "alice\n\nsecret\n", -1, &error);
    g_assert_no_error(error);
    g_assert_nonnull(freopen(path, "r", stdin));
    g_unlink(path);

    g_assert_cmpint(virConnectAuthPtrDefault->cb(cred, 3, NULL), ==, 0);
    g_assert_cmpstr(cred[0].result, ==, "alice");
    g_assert_cmpstr(cred[1].result, ==, "dflt");
    g_assert_cmpstr(cred[2].result, ==, "secret");
    g_assert_cmpuint(cred[2].resultlen, ==, 6);
    for (i = 0; i < G_N_ELEMENTS(cred); i++)
        g_free(cred[i].result);

    /* Credential types it cannot ask for make it fail. */
    cred[0].type = VIR_CRED_CNONCE;
    cred[0].result = NULL;
    g_assert_cmpint(virConnectAuthPtrDefault->cb(cred, 1, NULL), ==, -1);
}

static void
test_auth_default(void)
{
    g_test_trap_subprocess("/connect/auth-default/subprocess", 0,
                           G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stdout("Name: Realm: Password: ");
}

static void
test_open_errors(void)
{
    g_assert_null(virConnectOpen("bogus:///x"));
    assertLastError(VIR_ERR_NO_CONNECT, VIR_FROM_NONE,
                    "no connection driver available for bogus:///x");

    /* The test driver is local only. */
    g_assert_null(virConnectOpen("test://somehost/default"));
    assertLastError(VIR_ERR_NO_CONNECT, VIR_FROM_NONE, NULL);

    g_assert_null(virConnectOpen("foo"));
    assertLastError(VIR_ERR_NO_CONNECT, VIR_FROM_NONE,
                    "no connection driver available for URI 'foo' does not "
                    "include a driver name");

    g_assert_null(virConnectOpen("test:///"));
    assertLastError(
        VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
        "invalid argument: testOpen: supply a path or use test:///default");

    g_assert_null(virConnectOpen(":::"));
    assertLastError(VIR_ERR_INTERNAL_ERROR, VIR_FROM_URI, NULL);
}

/* With no URI at all, the test driver (the only one) declines. */
static void
test_open_default_uri(void)
{
    g_autofree char *saved = g_strdup(g_getenv("LIBVIRT_DEFAULT_URI"));
    virConnectPtr conn;
    g_autofree char *uri = NULL;

    g_setenv("LIBVIRT_DEFAULT_URI", TEST_URI, TRUE);
    conn = virConnectOpen(NULL);
    g_assert_nonnull(conn);
    uri = virConnectGetURI(conn);
    g_assert_cmpstr(uri, ==, TEST_URI);
    g_assert_cmpint(virConnectClose(conn), ==, 0);

    /* "" means "no URI" too. */
    conn = virConnectOpenReadOnly("");
    g_assert_nonnull(conn);
    g_assert_cmpint(virConnectClose(conn), ==, 0);

    g_setenv("LIBVIRT_DEFAULT_URI", "bogus:///y", TRUE);
    g_assert_null(virConnectOpen(NULL));
    assertLastError(VIR_ERR_NO_CONNECT, VIR_FROM_NONE,
                    "no connection driver available for <null>");

    if (saved)
        g_setenv("LIBVIRT_DEFAULT_URI", saved, TRUE);
    else
        g_unsetenv("LIBVIRT_DEFAULT_URI");
}

/* The client configuration is per user, except for root, which reads the
 * system copy: the child that reads our temporary one runs as nobody. */
static void
dropRootPrivileges(void)
{
    if (geteuid() != 0)
        return;
    if (setgid(65534) < 0 || setuid(65534) < 0)
        g_error("cannot drop root privileges");
}

/* Runs in a child process, with XDG_CONFIG_HOME set by test_config. */
static void
test_config_child(void)
{
    virConnectPtr conn;
    g_autofree char *uri = NULL;

    if (!g_test_subprocess()) {
        g_test_skip("run by /connect/config");
        return;
    }
    dropRootPrivileges();

    /* uri_default applies when no URI is given. */
    conn = virConnectOpen(NULL);
    g_assert_nonnull(conn);
    uri = virConnectGetURI(conn);
    g_assert_cmpstr(uri, ==, TEST_URI);
    g_clear_pointer(&uri, g_free);
    g_assert_cmpint(virConnectClose(conn), ==, 0);

    /* An alias resolves to its target... */
    conn = virConnectOpen("fake");
    g_assert_nonnull(conn);
    uri = virConnectGetURI(conn);
    g_assert_cmpstr(uri, ==, TEST_URI);
    g_assert_cmpint(virConnectClose(conn), ==, 0);

    /* ...unless the caller asks for none: "fake" is then no URI at all. */
    g_assert_null(virConnectOpenAuth("fake", NULL, VIR_CONNECT_NO_ALIASES));
    assertLastError(VIR_ERR_NO_CONNECT, VIR_FROM_NONE, NULL);
}

static void
test_config(void)
{
    g_autofree char *configHome = NULL;
    g_autofree char *dir = NULL;
    g_autofree char *file = NULL;
    g_autofree char *savedHome = g_strdup(g_getenv("XDG_CONFIG_HOME"));
    g_autofree char *savedURI = g_strdup(g_getenv("LIBVIRT_DEFAULT_URI"));
    g_autoptr(GError) error = NULL;
    const char *conf = "uri_default = \"" TEST_URI "\"\n"
                       "uri_aliases = [\n"
                       "  \"fake=" TEST_URI "\",\n"
                       "]\n";

    configHome = g_dir_make_tmp("vireo-connect-XXXXXX", &error);
    g_assert_no_error(error);
    dir = g_build_filename(configHome, "libvirt", NULL);
    g_assert_cmpint(g_mkdir(dir, 0755), ==, 0);
    file = g_build_filename(dir, "libvirt.conf", NULL);
    g_file_set_contents(file, conf, -1, &error);
    g_assert_no_error(error);
    /* Readable by the unprivileged child. */
    g_assert_cmpint(g_chmod(configHome, 0755), ==, 0);
    g_assert_cmpint(g_chmod(file, 0644), ==, 0);

    /* The child inherits the environment. */
    g_setenv("XDG_CONFIG_HOME", configHome, TRUE);
    g_unsetenv("LIBVIRT_DEFAULT_URI");
    g_test_trap_subprocess("/connect/config/subprocess", 0,
                           G_TEST_SUBPROCESS_DEFAULT);

    if (savedHome)
        g_setenv("XDG_CONFIG_HOME", savedHome, TRUE);
    else
        g_unsetenv("XDG_CONFIG_HOME");
    if (savedURI)
        g_setenv("LIBVIRT_DEFAULT_URI", savedURI, TRUE);
    g_unlink(file);
    g_rmdir(dir);
    g_rmdir(configHome);
    g_test_trap_assert_passed();
}

static void
test_node_info(void)
{
    virConnectPtr conn = virConnectOpen(TEST_URI);
    virNodeInfo info;
    unsigned long long cells[4] = {0};
    unsigned long ver = 0;
    g_autofree char *sysinfo = NULL;
    g_autofree char *hostname = NULL;

    g_assert_nonnull(conn);
    g_assert_cmpint(virNodeGetInfo(conn, &info), ==, 0);
    g_assert_cmpstr(info.model, ==, "i686");
    g_assert_cmpuint(info.memory, ==, 3145728);
    g_assert_cmpuint(info.cpus, ==, 16);
    g_assert_cmpuint(info.mhz, ==, 1400);
    g_assert_cmpuint(info.nodes, ==, 2);
    g_assert_cmpuint(info.sockets, ==, 2);
    g_assert_cmpuint(info.cores, ==, 2);
    g_assert_cmpuint(info.threads, ==, 2);

    g_assert_cmpint(virNodeGetCellsFreeMemory(conn, cells, 0, 4), ==, 2);
    g_assert_cmpuint(cells[0], ==, 2097152);
    g_assert_cmpuint(cells[1], ==, 4194304);
    g_assert_cmpint(virNodeGetCellsFreeMemory(conn, cells, 1, 1), ==, 1);
    g_assert_cmpuint(cells[0], ==, 4194304);
    g_assert_cmpint(virNodeGetCellsFreeMemory(conn, cells, 2, 1), ==, -1);
    assertLastError(VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
                    "invalid argument: Range exceeds available cells");
    g_assert_cmpuint(virNodeGetFreeMemory(conn), ==, 3145728);

    g_assert_cmpint(virConnectGetMaxVcpus(conn, NULL), ==, 32);
    g_assert_cmpint(virConnectGetVersion(conn, &ver), ==, 0);
    g_assert_cmpuint(ver, ==, 2);
    g_assert_cmpint(virConnectGetLibVersion(conn, &ver), ==, 0);
    g_assert_cmpuint(ver, ==, 9000000);
    g_assert_cmpstr(virConnectGetType(conn), ==, "TEST");
    g_assert_cmpint(virConnectIsEncrypted(conn), ==, 0);
    g_assert_cmpint(virConnectIsSecure(conn), ==, 1);
    g_assert_cmpint(virConnectIsAlive(conn), ==, 1);

    hostname = virConnectGetHostname(conn);
    g_assert_cmpstr(hostname, ==, g_get_host_name());
    sysinfo = virConnectGetSysinfo(conn, 0);
    g_assert_true(g_str_has_prefix(sysinfo, "<sysinfo type='smbios'>\n"));
    g_assert_null(virConnectGetSysinfo(conn, 1));
    assertLastError(
        VIR_ERR_INVALID_ARG, VIR_FROM_TEST,
        "unsupported flags (0x1) in function testConnectGetSysinfo");

    g_assert_cmpint(virConnectClose(conn), ==, 0);
}

static void
test_versions(void)
{
    unsigned long lib = 0;
    unsigned long type = 0;

    g_assert_cmpint(virGetVersion(&lib, NULL, NULL), ==, 0);
    g_assert_cmpuint(lib, ==, 9000000);
    g_assert_cmpint(virGetVersion(&lib, "Xen", &type), ==, 0);
    g_assert_cmpuint(type, ==, 9000000);
    g_assert_cmpint(virGetVersion(NULL, NULL, NULL), ==, -1);
}

static void
test_capabilities(void)
{
    virConnectPtr conn = virConnectOpen(TEST_URI);
    g_autofree char *caps = NULL;
    g_autofree char *path = NULL;
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *xmllint = g_find_program_in_path("xmllint");
    int fd;
    int status = -1;

    g_assert_nonnull(conn);
    caps = virConnectGetCapabilities(conn);
    g_assert_nonnull(caps);
    g_assert_true(g_str_has_prefix(caps, "<capabilities>\n"));
    g_assert_nonnull(strstr(caps, "<cells num='2'>"));
    g_assert_nonnull(strstr(caps, "<emulator>/usr/bin/test-hv</emulator>"));
    g_assert_cmpint(virConnectClose(conn), ==, 0);

    if (!g_file_test(CAPS_SCHEMA, G_FILE_TEST_EXISTS) || !xmllint) {
        g_test_skip("xmllint or " CAPS_SCHEMA " not installed");
        return;
    }

    fd = g_file_open_tmp("vireo-caps-XXXXXX.xml", &path, &error);
    g_assert_no_error(error);
    close(fd);
    g_file_set_contents(path, caps, -1, &error);
    g_assert_no_error(error);

    {
        const char *argv[] = {xmllint,     "--noout", "--relaxng",
                              CAPS_SCHEMA, path,      NULL};

        g_spawn_sync(NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error);
    }
    g_unlink(path);
    g_assert_no_error(error);
    if (status != 0)
        g_printerr("%s", err);
    g_assert_cmpint(status, ==, 0);
}

static int closeFreeCalls;

static void
closeCallback(virConnectPtr conn G_GNUC_UNUSED, int reason G_GNUC_UNUSED,
              void *opaque G_GNUC_UNUSED)
{
}

static void
closeFree(void *opaque G_GNUC_UNUSED)
{
    closeFreeCalls++;
}

static void
test_close_callback(void)
{
    virConnectPtr conn = virConnectOpen(TEST_URI);

    g_assert_nonnull(conn);
    closeFreeCalls = 0;
    g_assert_cmpint(
        virConnectRegisterCloseCallback(conn, closeCallback, NULL, closeFree),
        ==, 0);
    /* As upstream with the test driver: a second one quietly succeeds. */
    g_assert_cmpint(
        virConnectRegisterCloseCallback(conn, closeCallback, NULL, NULL), ==,
        0);
    g_assert_cmpint(virConnectUnregisterCloseCallback(conn, closeCallback), ==,
                    0);
    g_assert_cmpint(closeFreeCalls, ==, 1);
    g_assert_cmpint(virConnectUnregisterCloseCallback(conn, closeCallback), ==,
                    0);
    g_assert_cmpint(virConnectRegisterCloseCallback(conn, NULL, NULL, NULL), ==,
                    -1);
    assertLastError(VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN, NULL);

    /* A callback still registered is released with the connection. */
    g_assert_cmpint(
        virConnectRegisterCloseCallback(conn, closeCallback, NULL, closeFree),
        ==, 0);
    g_assert_cmpint(virConnectClose(conn), ==, 0);
    g_assert_cmpint(closeFreeCalls, ==, 2);
}

static void
test_host_arg_checks(void)
{
    virConnectPtr conn = virConnectOpen(TEST_URI);
    int nparams = 0;
    const char *cpus[] = {"<cpu/>"};

    g_assert_nonnull(conn);
    g_assert_cmpint(virNodeGetCPUStats(conn, -2, NULL, &nparams, 0), ==, -1);
    assertLastError(
        VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
        "cpuNum in virNodeGetCPUStats only accepts -1 as a negative value");
    g_assert_cmpint(virNodeGetMemoryStats(conn, 0, NULL, NULL, 0), ==, -1);
    assertLastError(VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN,
                    "nparams in virNodeGetMemoryStats must not be NULL");
    g_assert_cmpint(virConnectCompareCPU(conn, NULL, 0), ==,
                    VIR_CPU_COMPARE_ERROR);
    assertLastError(VIR_ERR_INVALID_ARG, VIR_FROM_DOMAIN, NULL);
    /* Slots the test driver does not fill report "not supported". */
    g_assert_null(virConnectBaselineHypervisorCPU(conn, NULL, NULL, NULL, NULL,
                                                  cpus, 1, 0));
    assertLastError(VIR_ERR_NO_SUPPORT, VIR_FROM_DOMAIN, NULL);
    g_assert_cmpint(virConnectClose(conn), ==, 0);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    if (virInitialize() < 0)
        return 1;
    virSetErrorFunc(NULL, quietErrorFunc);

    g_test_add_func("/connect/open-close-refs", test_open_close_refs);
    g_test_add_func("/connect/shared-default", test_open_shared_default);
    g_test_add_func("/connect/readonly", test_open_readonly);
    g_test_add_func("/connect/auth", test_open_auth);
    g_test_add_func("/connect/auth-default", test_auth_default);
    g_test_add_func("/connect/auth-default/subprocess",
                    test_auth_default_child);
    g_test_add_func("/connect/errors", test_open_errors);
    g_test_add_func("/connect/default-uri", test_open_default_uri);
    g_test_add_func("/connect/config", test_config);
    g_test_add_func("/connect/config/subprocess", test_config_child);
    g_test_add_func("/connect/node-info", test_node_info);
    g_test_add_func("/connect/versions", test_versions);
    g_test_add_func("/connect/capabilities", test_capabilities);
    g_test_add_func("/connect/close-callback", test_close_callback);
    g_test_add_func("/connect/host-arg-checks", test_host_arg_checks);

    return g_test_run();
}
