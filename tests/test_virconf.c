/*
 * test_virconf.c: the configuration file parser: value types, lists over
 * several lines, comments, typed getters, syntax errors with their line
 * numbers, and where the client configuration is looked for.
 */
#include <stdio.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "internal.h"
#include "util/virconf.h"

static void
silentErrorFunc(void *opaque, virErrorPtr err)
{
}

static const char sample[] =
    "# a comment line\n"
    "uri_default = \"qemu:///system\"   # trailing comment\n"
    "single = 'it''s'\n"
    "number = 42; negative = -7\n"
    "big = 5000000000\n"
    "flag = 1\n"
    "list = [\n"
    "  \"a\",\n"
    "  'b',\n"
    "]\n"
    "empty = []\n"
    "mixed = [ \"x\", 1 ]\n"
    "triple = \"\"\"line one\nline two\"\"\"\n";

static void
testParse(void)
{
    g_autoptr(virConf) conf = NULL;
    g_autofree char *str = NULL;
    g_auto(GStrv) list = NULL;
    int i = 0;
    unsigned int ui = 0;
    long long ll = 0;
    bool b = false;

    /* 'it''s' is two adjacent strings in the syntax: not allowed. */
    g_assert_null(virConfReadString(sample, 0));
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "configuration file syntax error: memory conf:3: expecting a separator");

    {
        g_autofree char *fixed = g_strdup(sample);
        char *q = strstr(fixed, "'it''s'");

        memcpy(q, "'it s' ", 7);
        conf = virConfReadString(fixed, 0);
        if (!conf)
            g_printerr("%s\n", virGetLastErrorMessage());
    }
    g_assert_nonnull(conf);

    g_assert_cmpint(virConfGetValueString(conf, "uri_default", &str), ==, 1);
    g_assert_cmpstr(str, ==, "qemu:///system");
    g_assert_cmpint(virConfGetValueString(conf, "single", &str), ==, 1);
    g_assert_cmpstr(str, ==, "it s");
    g_assert_cmpint(virConfGetValueString(conf, "missing", &str), ==, 0);
    g_assert_cmpstr(str, ==, "it s");
    g_assert_cmpint(virConfGetValueString(conf, "triple", &str), ==, 1);
    g_assert_cmpstr(str, ==, "line one\nline two");

    g_assert_cmpint(virConfGetValueInt(conf, "number", &i), ==, 1);
    g_assert_cmpint(i, ==, 42);
    g_assert_cmpint(virConfGetValueInt(conf, "negative", &i), ==, 1);
    g_assert_cmpint(i, ==, -7);
    g_assert_cmpint(virConfGetValueUInt(conf, "number", &ui), ==, 1);
    g_assert_cmpuint(ui, ==, 42);
    g_assert_cmpint(virConfGetValueLLong(conf, "big", &ll), ==, 1);
    g_assert_cmpint(ll, ==, 5000000000LL);
    g_assert_cmpint(virConfGetValueBool(conf, "flag", &b), ==, 1);
    g_assert_true(b);

    g_assert_cmpint(virConfGetValueStringList(conf, "list", false, &list), ==, 1);
    g_assert_cmpuint(g_strv_length(list), ==, 2);
    g_assert_cmpstr(list[0], ==, "a");
    g_assert_cmpstr(list[1], ==, "b");
    g_assert_cmpint(virConfGetValueStringList(conf, "empty", false, &list), ==, 1);
    g_assert_cmpuint(g_strv_length(list), ==, 0);
    g_assert_cmpint(virConfGetValueStringList(conf, "uri_default", true, &list), ==, 1);
    g_assert_cmpstr(list[0], ==, "qemu:///system");
    g_assert_null(list[1]);

    g_assert_cmpint(virConfGetValueType(conf, "list"), ==, VIR_CONF_LIST);
    g_assert_cmpint(virConfGetValueType(conf, "negative"), ==, VIR_CONF_LLONG);
    g_assert_cmpint(virConfGetValueType(conf, "number"), ==, VIR_CONF_ULLONG);
}

static void
testTypeErrors(void)
{
    g_autoptr(virConf) conf = virConfReadString(
        "s = \"str\"\nn = -1\nbig = 5000000000\nflag = 2\nmixed = [\"a\", 1]\n", 0);
    g_autofree char *str = NULL;
    g_auto(GStrv) list = NULL;
    int i;
    unsigned int ui;
    bool b;

    g_assert_nonnull(conf);
    g_assert_cmpint(virConfGetValueString(conf, "n", &str), ==, -1);
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_INTERNAL_ERROR);
    g_assert_cmpint(virGetLastErrorDomain(), ==, VIR_FROM_CONF);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "internal error: memory conf: expected a string for 'n' parameter");
    g_assert_cmpint(virConfGetValueInt(conf, "big", &i), ==, -1);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "internal error: memory conf: value for 'big' parameter must be in range -2147483648:2147483647");
    g_assert_cmpint(virConfGetValueUInt(conf, "n", &ui), ==, -1);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "internal error: memory conf: expected an unsigned integer for 'n' parameter");
    g_assert_cmpint(virConfGetValueBool(conf, "flag", &b), ==, -1);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "internal error: memory conf: value for 'flag' parameter must be 0 or 1");
    g_assert_cmpint(virConfGetValueStringList(conf, "mixed", false, &list), ==, -1);
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_CONF_SYNTAX);
    g_assert_cmpint(virConfGetValueStringList(conf, "s", false, &list), ==, -1);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "internal error: memory conf: expected a string list for 's' parameter");
}

typedef struct {
    const char *text;
    const char *message;
} syntaxCase;

static const syntaxCase syntaxCases[] = {
    { "a = 1\nb = \"open\n", "memory conf:2: unterminated string" },
    { "a = 1\n\nb =\n", "memory conf:3: expecting a value" },
    { "a = [ \"x\" \"y\" ]\n", "memory conf:1: expecting a separator in list" },
    { "a = [ \"x\",\n \"y\"\n", "memory conf:3: list is not closed with ]" },
    { "1a = 2\n", "memory conf:1: expecting a name" },
    { "a 2\n", "memory conf:1: expecting an assignment" },
    { "a = -\n", "memory conf:1: unterminated number" },
    { "a = 1 2\n", "memory conf:1: expecting a separator" },
    { "a = foo\n", "memory conf:1: expecting a value" },
    /* As upstream, comments are not allowed inside a list. */
    { "a = [\n \"x\", # c\n]\n", "memory conf:2: expecting a value" },
};

static void
testSyntaxError(gconstpointer data)
{
    const syntaxCase *c = data;
    g_autofree char *expect = g_strdup_printf(
        "configuration file syntax error: %s", c->message);

    g_assert_null(virConfReadString(c->text, 0));
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_CONF_SYNTAX);
    g_assert_cmpint(virGetLastErrorDomain(), ==, VIR_FROM_CONF);
    g_assert_cmpstr(virGetLastErrorMessage(), ==, expect);
}

static void
testReadFile(void)
{
    g_autofree char *dir = g_dir_make_tmp("virconf-XXXXXX", NULL);
    g_autofree char *confdir = g_build_filename(dir, "libvirt", NULL);
    g_autofree char *path = g_build_filename(confdir, "libvirt.conf", NULL);
    g_autoptr(virConf) conf = NULL;
    g_autoptr(virConf) loaded = NULL;
    g_autofree char *str = NULL;
    g_autofree char *expect = NULL;

    g_assert_nonnull(dir);
    g_assert_cmpint(g_mkdir(confdir, 0700), ==, 0);
    g_assert_true(g_file_set_contents(path, "uri_default = \"test:///default\"\n\nx = \n", -1, NULL));

    conf = virConfReadFile(path, 0);
    g_assert_null(conf);
    expect = g_strdup_printf("configuration file syntax error: %s:3: expecting a value", path);
    g_assert_cmpstr(virGetLastErrorMessage(), ==, expect);

    g_assert_true(g_file_set_contents(path, "uri_default = \"test:///default\"\n", -1, NULL));
    conf = virConfReadFile(path, 0);
    g_assert_nonnull(conf);

    g_assert_null(virConfReadFile("/nonexistent/file.conf", 0));
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_SYSTEM_ERROR);

    if (geteuid() != 0) {
        g_setenv("XDG_CONFIG_HOME", dir, TRUE);
        g_assert_cmpint(virConfLoadClientConfig(&loaded), ==, 0);
        g_assert_nonnull(loaded);
        g_assert_cmpint(virConfGetValueString(loaded, "uri_default", &str), ==, 1);
        g_assert_cmpstr(str, ==, "test:///default");
        g_clear_pointer(&loaded, virConfFree);

        g_setenv("XDG_CONFIG_HOME", "/nonexistent", TRUE);
        g_assert_cmpint(virConfLoadClientConfig(&loaded), ==, 0);
        g_assert_null(loaded);
    }

    unlink(path);
    rmdir(confdir);
    rmdir(dir);
}

static void
testFormat(void)
{
    g_autoptr(virConf) conf = virConfReadString(
        "# head\na = \"x\" # note\nb = [ \"p\", \"q\" ]\nc = -3\n", 0);
    virConfValue *v = g_new0(virConfValue, 1);
    g_autofree char *out = NULL;

    v->type = VIR_CONF_ULLONG;
    v->l = 9;
    g_assert_cmpint(virConfSetValue(conf, "d", &v), ==, 0);
    g_assert_null(v);
    out = virConfFormat(conf);
    g_assert_cmpstr(out, ==,
                    "# head\na = \"x\" # note\nb = [ \"p\", \"q\" ]\nc = -3\nd = 9\n");
}

int
main(int argc, char **argv)
{
    size_t i;

    g_test_init(&argc, &argv, NULL);
    virSetErrorFunc(NULL, silentErrorFunc);
    g_test_add_func("/virconf/parse", testParse);
    g_test_add_func("/virconf/type-errors", testTypeErrors);
    for (i = 0; i < G_N_ELEMENTS(syntaxCases); i++) {
        g_autofree char *name = g_strdup_printf("/virconf/syntax/%zu", i);

        g_test_add_data_func(name, &syntaxCases[i], testSyntaxError);
    }
    g_test_add_func("/virconf/read-file", testReadFile);
    g_test_add_func("/virconf/format", testFormat);
    return g_test_run();
}
