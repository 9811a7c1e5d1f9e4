/*
 * test_xml2xml.c: the data-driven round trip of every document type.
 *
 * For tests/xml/<type>/in/NAME.xml the formatted definition must equal
 * out/NAME.xml, and formatting what out/NAME.xml parses to must give it
 * back unchanged.  For err/NAME.xml parsing must fail with the code and
 * message in err/NAME.err ("<code> <message>").  With
 * VIREO_TEST_REGENERATE=1 the expected files are written instead
 * (scripts/regen-xml-tests); review every regenerated diff.
 */
#include <stdio.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "doctypes.h"
#include "internal.h"

typedef struct {
    const virTestDocType *type;
    char *dir;
    char *name;
} virTestCase;

static bool regenerate;

static void
virTestCaseFree(gpointer data)
{
    virTestCase *tc = data;

    g_free(tc->dir);
    g_free(tc->name);
    g_free(tc);
}

/* "<!-- test: parse=live,validate format=inactive,secure -->" on the
 * first line selects flags. */
static void
virTestReadFlags(const char *xml, virTestXMLFlags *flags)
{
    const char *start = strstr(xml, "<!-- test:");
    const char *end;
    g_autofree char *directive = NULL;
    g_auto(GStrv) words = NULL;
    size_t i;

    memset(flags, 0, sizeof(*flags));
    if (!start || start != xml || !(end = strstr(start, "-->")))
        return;
    directive = g_strndup(start + 10, end - start - 10);
    words = g_strsplit_set(directive, " ,=\n", -1);
    for (i = 0; words[i]; i++) {
        const char *w = words[i];

        if (g_str_equal(w, "live"))
            flags->live = true;
        else if (g_str_equal(w, "validate"))
            flags->validate = true;
        else if (g_str_equal(w, "inactive"))
            flags->inactive = true;
        else if (g_str_equal(w, "secure"))
            flags->secure = true;
        else if (g_str_equal(w, "migratable"))
            flags->migratable = true;
        else if (g_str_equal(w, "update-cpu"))
            flags->updatecpu = true;
        else if (*w && !g_str_equal(w, "parse") && !g_str_equal(w, "format"))
            g_error("unknown test directive word '%s'", w);
    }
}

static void
virTestCompareOrWrite(const char *path, const char *actual)
{
    g_autofree char *expected = NULL;
    g_autoptr(GError) err = NULL;

    if (regenerate) {
        if (!g_file_set_contents(path, actual, -1, &err))
            g_error("cannot write %s: %s", path, err->message);
        return;
    }
    if (!g_file_get_contents(path, &expected, NULL, &err)) {
        g_test_message("missing expected file %s; actual:\n%s", path,
                       actual);
        g_test_fail();
        return;
    }
    if (!g_str_equal(expected, actual)) {
        g_test_message("%s differs; actual:\n%s", path, actual);
        g_test_fail();
    }
}

static char *
virTestRoundTrip(const virTestDocType *type, const char *xml,
                 const virTestXMLFlags *flags)
{
    void *def = type->parse(xml, flags);
    char *out;

    if (!def) {
        virErrorPtr e = virGetLastError();

        g_test_message("parse failed: %s", e ? e->message : "(no error)");
        return NULL;
    }
    out = type->format(def, flags);
    type->free(def);
    if (!out) {
        virErrorPtr e = virGetLastError();

        g_test_message("format failed: %s", e ? e->message : "(no error)");
    }
    return out;
}

static void
virTestGood(gconstpointer data)
{
    const virTestCase *tc = data;
    g_autofree char *inpath = g_strdup_printf("%s/in/%s.xml", tc->dir,
                                              tc->name);
    g_autofree char *outpath = g_strdup_printf("%s/out/%s.xml", tc->dir,
                                               tc->name);
    g_autofree char *xml = NULL;
    g_autofree char *out = NULL;
    g_autofree char *again = NULL;
    virTestXMLFlags flags;

    g_assert_true(g_file_get_contents(inpath, &xml, NULL, NULL));
    virTestReadFlags(xml, &flags);
    if (!(out = virTestRoundTrip(tc->type, xml, &flags))) {
        g_test_fail();
        return;
    }
    virTestCompareOrWrite(outpath, out);
    /* The formatted document must be a fixed point. */
    if (!(again = virTestRoundTrip(tc->type, out, &flags))) {
        g_test_fail();
        return;
    }
    if (!g_str_equal(out, again)) {
        g_test_message("second round trip differs:\n%s", again);
        g_test_fail();
    }
}

static void
virTestBad(gconstpointer data)
{
    const virTestCase *tc = data;
    g_autofree char *inpath = g_strdup_printf("%s/err/%s.xml", tc->dir,
                                              tc->name);
    g_autofree char *errpath = g_strdup_printf("%s/err/%s.err", tc->dir,
                                               tc->name);
    g_autofree char *xml = NULL;
    g_autofree char *actual = NULL;
    virTestXMLFlags flags;
    virErrorPtr e;
    void *def;

    g_assert_true(g_file_get_contents(inpath, &xml, NULL, NULL));
    virTestReadFlags(xml, &flags);
    virResetLastError();
    if ((def = tc->type->parse(xml, &flags))) {
        g_autofree char *out = tc->type->format(def, &flags);

        tc->type->free(def);
        g_test_message("parse unexpectedly succeeded:\n%s", NULLSTR(out));
        g_test_fail();
        return;
    }
    e = virGetLastError();
    g_assert_nonnull(e);
    actual = g_strdup_printf("%d %s\n", e->code, e->message);
    virTestCompareOrWrite(errpath, actual);
}

static void
virTestAddDir(const virTestDocType *type, const char *root,
              const char *sub, GTestDataFunc func)
{
    g_autofree char *dir = g_build_filename(root, type->name, NULL);
    g_autofree char *subdir = g_build_filename(dir, sub, NULL);
    g_autoptr(GDir) d = g_dir_open(subdir, 0, NULL);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    const char *ent;
    size_t i;

    if (!d)
        return;
    while ((ent = g_dir_read_name(d))) {
        if (g_str_has_suffix(ent, ".xml"))
            g_ptr_array_add(names, g_strndup(ent, strlen(ent) - 4));
    }
    g_ptr_array_sort(names, (GCompareFunc)g_strcmp0);
    for (i = 0; i < names->len; i++) {
        virTestCase *tc = g_new0(virTestCase, 1);
        g_autofree char *path = NULL;

        tc->type = type;
        tc->dir = g_strdup(dir);
        tc->name = g_strdup(g_ptr_array_index(names, i));
        path = g_strdup_printf("/%s/%s/%s", type->name, sub, tc->name);
        g_test_add_data_func_full(path, tc, func, virTestCaseFree);
    }
}

/* Library errors stay quiet: the tests read them with virGetLastError. */
static void
virTestQuietErrors(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

int
main(int argc, char **argv)
{
    const char *root;
    size_t i;

    g_test_init(&argc, &argv, NULL);
    if (argc < 2)
        g_error("usage: %s DATADIR [TYPE]", argv[0]);
    root = argv[1];
    regenerate = g_strcmp0(g_getenv("VIREO_TEST_REGENERATE"), "1") == 0;
    virSetErrorFunc(NULL, virTestQuietErrors);
    for (i = 0; virTestDocTypes[i].name; i++) {
        if (argc > 2 && !g_str_equal(argv[2], virTestDocTypes[i].name))
            continue;
        virTestAddDir(&virTestDocTypes[i], root, "in", virTestGood);
        virTestAddDir(&virTestDocTypes[i], root, "err", virTestBad);
    }
    return g_test_run();
}
