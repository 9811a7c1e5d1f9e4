/*
 * test_viruri.c: connection URI parsing, formatting, parameters and the
 * client-side aliases from libvirt.conf.
 */
#include "internal.h"
#include "util/viruri.h"
#include "util/virconf.h"

typedef struct {
    const char *uri;
    const char *scheme;
    const char *server;
    const char *user;
    int port;
    const char *path;
    const char *query;
    const char *fragment;
    const char *formatted; /* NULL: same as uri */
} uriCase;

static const uriCase uriCases[] = {
    { "qemu:///system", "qemu", NULL, NULL, 0, "/system", NULL, NULL, NULL },
    { "test:///default", "test", NULL, NULL, 0, "/default", NULL, NULL, NULL },
    { "test:///path/to/file.xml", "test", NULL, NULL, 0, "/path/to/file.xml",
      NULL, NULL, NULL },
    { "qemu+ssh://user@host:22/system?keyfile=/x&no_verify=1", "qemu+ssh",
      "host", "user", 22, "/system", "keyfile=/x&no_verify=1", NULL, NULL },
    { "qemu+tcp://[::1]:16509/session", "qemu+tcp", "::1", NULL, 16509,
      "/session", NULL, NULL, NULL },
    { "qemu+tls://[fe80::1]/system", "qemu+tls", "fe80::1", NULL, 0,
      "/system", NULL, NULL, NULL },
    { "xen://", "xen", NULL, NULL, 0, NULL, NULL, NULL, NULL },
    { "xen://localhost", "xen", "localhost", NULL, 0, NULL, NULL, NULL, NULL },
    { "esx://example.com/?no_verify=1#frag", "esx", "example.com", NULL, 0,
      "/", "no_verify=1", "frag", NULL },
    { "lxc:///", "lxc", NULL, NULL, 0, "/", NULL, NULL, NULL },
    { "qemu:///embed?root=/tmp/my%20root", "qemu", NULL, NULL, 0, "/embed",
      "root=/tmp/my%20root", NULL, NULL },
};

static void
testParseFormat(gconstpointer data)
{
    const uriCase *c = data;
    g_autoptr(virURI) uri = virURIParse(c->uri);
    g_autofree char *out = NULL;

    g_assert_nonnull(uri);
    g_assert_cmpstr(uri->scheme, ==, c->scheme);
    g_assert_cmpstr(uri->server, ==, c->server);
    g_assert_cmpstr(uri->user, ==, c->user);
    g_assert_cmpint(uri->port, ==, c->port);
    g_assert_cmpstr(uri->path, ==, c->path);
    g_assert_cmpstr(uri->query, ==, c->query);
    g_assert_cmpstr(uri->fragment, ==, c->fragment);

    out = virURIFormat(uri);
    g_assert_cmpstr(out, ==, c->formatted ? c->formatted : c->uri);
}

static void
testParams(void)
{
    g_autoptr(virURI) uri =
        virURIParse("qemu+ssh://h/system?keyfile=%2Froot%2Fk%20ey&no_verify=1&flag&=skipped&&empty=;x=y");
    g_autofree char *params = NULL;

    g_assert_nonnull(uri);
    g_assert_cmpuint(uri->paramsCount, ==, 5);
    g_assert_cmpstr(uri->params[0].name, ==, "keyfile");
    g_assert_cmpstr(uri->params[0].value, ==, "/root/k ey");
    g_assert_cmpstr(virURIGetParam(uri, "no_verify"), ==, "1");
    g_assert_cmpstr(virURIGetParam(uri, "flag"), ==, "");
    /* After the last '&', ';' separates. */
    g_assert_cmpstr(uri->params[3].name, ==, "empty");
    g_assert_cmpstr(uri->params[3].value, ==, "");
    g_assert_cmpstr(virURIGetParam(uri, "x"), ==, "y");
    g_assert_cmpstr(virURIGetParam(uri, "nope"), ==, NULL);
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_INVALID_ARG);
    g_assert_cmpint(virGetLastErrorDomain(), ==, VIR_FROM_URI);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "invalid argument: Missing URI parameter 'nope'");

    uri->params[1].ignore = true;
    params = virURIFormatParams(uri);
    g_assert_cmpstr(params, ==, "keyfile=%2Froot%2Fk%20ey&flag=&empty=&x=y");
}

static void
testSemicolonParams(void)
{
    g_autoptr(virURI) uri = virURIParse("test:///default?a=1;b=2");

    g_assert_nonnull(uri);
    g_assert_cmpuint(uri->paramsCount, ==, 2);
    g_assert_cmpstr(virURIGetParam(uri, "b"), ==, "2");
}

static void
testUnixSocket(void)
{
    g_autoptr(virURI) a = virURIParse("qemu+unix:///system?socket=/tmp/s");
    g_autoptr(virURI) b = virURIParse("qemu+unix:///system");
    g_autoptr(virURI) c = virURIParse("qemu+ssh://h/system?socket=/tmp/s");

    g_assert_true(virURICheckUnixSocket(a));
    g_assert_false(virURICheckUnixSocket(b));
    g_assert_false(virURICheckUnixSocket(c));
}

static void
testBadURI(void)
{
    virURI *uri = virURIParse("qemu:// bad uri");

    g_assert_null(uri);
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_INTERNAL_ERROR);
    g_assert_cmpint(virGetLastErrorDomain(), ==, VIR_FROM_URI);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "internal error: Unable to parse URI qemu:// bad uri");
    g_assert_null(virURIParse("qemu+tcp://[::1/system"));
}

static void
testAliases(void)
{
    g_autoptr(virConf) conf = virConfReadString(
        "uri_aliases = [\n"
        "  \"hail=qemu+ssh://root@hail.cloud.example.com/system\",\n"
        "  \"sleet=qemu+ssh://root@sleet.cloud.example.com/system\",\n"
        "]\n", 0);
    g_autoptr(virConf) bad = virConfReadString(
        "uri_aliases = [ \"bad.name=qemu:///system\" ]\n", 0);
    g_autoptr(virConf) noeq = virConfReadString(
        "uri_aliases = [ \"justaname\" ]\n", 0);
    g_autofree char *uri = NULL;

    g_assert_nonnull(conf);
    g_assert_cmpint(virURIResolveAlias(conf, "sleet", &uri), ==, 0);
    g_assert_cmpstr(uri, ==, "qemu+ssh://root@sleet.cloud.example.com/system");
    g_clear_pointer(&uri, g_free);

    /* The whole name must match, not a prefix. */
    g_assert_cmpint(virURIResolveAlias(conf, "hai", &uri), ==, 0);
    g_assert_null(uri);
    g_assert_cmpint(virURIResolveAlias(conf, "qemu:///system", &uri), ==, 0);
    g_assert_null(uri);
    g_assert_cmpint(virURIResolveAlias(NULL, "hail", &uri), ==, 0);
    g_assert_null(uri);

    g_assert_cmpint(virURIResolveAlias(bad, "bad", &uri), ==, -1);
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_CONF_SYNTAX);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "configuration file syntax error: Malformed 'uri_aliases' config entry 'bad.name=qemu:///system', aliases may only contain 'a-Z, 0-9, _, -'");
    g_assert_cmpint(virURIResolveAlias(noeq, "x", &uri), ==, -1);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "configuration file syntax error: Malformed 'uri_aliases' config entry 'justaname', expected 'alias=uri://host/path'");
}

static void
silentErrorFunc(void *opaque, virErrorPtr err)
{
}

int
main(int argc, char **argv)
{
    size_t i;

    g_test_init(&argc, &argv, NULL);
    /* Errors are checked through the last-error API, not printed. */
    virSetErrorFunc(NULL, silentErrorFunc);
    for (i = 0; i < G_N_ELEMENTS(uriCases); i++) {
        g_autofree char *name = g_strdup_printf("/viruri/parse/%zu", i);

        g_test_add_data_func(name, &uriCases[i], testParseFormat);
    }
    g_test_add_func("/viruri/params", testParams);
    g_test_add_func("/viruri/params-semicolon", testSemicolonParams);
    g_test_add_func("/viruri/unix-socket", testUnixSocket);
    g_test_add_func("/viruri/bad", testBadURI);
    g_test_add_func("/viruri/aliases", testAliases);
    return g_test_run();
}
