/*
 * test_virlog.c: unit tests for the debug log (util/virlog.c).
 *
 * Filters and thresholds per module, the configuration serial, parsing
 * errors, the line format and the file, stderr and journald outputs.
 */
#include <sys/syscall.h>
#include <unistd.h>

#include "internal.h"

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("tests.virlog");

/* "2023-01-16 10:20:30.123+0000: 4242: debug : func:12 : text" */
#define LINE_RE                                                                \
    "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}"                   \
    "\\.[0-9]{3}\\+0000: [0-9]+: "

static char *
testTempPath(void)
{
    g_autofree char *dir = g_dir_make_tmp("virlogtest-XXXXXX", NULL);

    g_assert_nonnull(dir);
    return g_build_filename(dir, "out.log", NULL);
}

static void
testRemovePath(const char *path)
{
    g_autofree char *dir = g_path_get_dirname(path);

    unlink(path);
    rmdir(dir);
}

static void
testFilters(void)
{
    virLogSource remote = {.name = "rpc.remote_driver"};
    virLogSource event = {.name = "util.event"};
    virLogSource qemu = {.name = "qemu.qemu_driver"};
    virLogSource other = {.name = "util.file"};

    virLogReset();
    g_assert_cmpint(virLogGetDefaultPriority(), ==, VIR_LOG_WARN);
    g_assert_false(VIR_LOG_ENABLED(&other, VIR_LOG_INFO));
    g_assert_true(VIR_LOG_ENABLED(&other, VIR_LOG_WARN));

    g_assert_cmpint(virLogSetFilters("3:remote 4:event  1:+qemu"), ==, 0);
    g_assert_false(VIR_LOG_ENABLED(&remote, VIR_LOG_INFO));
    g_assert_true(VIR_LOG_ENABLED(&remote, VIR_LOG_WARN));
    g_assert_cmpint(remote.threshold, ==, VIR_LOG_WARN);
    g_assert_false(VIR_LOG_ENABLED(&event, VIR_LOG_WARN));
    g_assert_true(VIR_LOG_ENABLED(&event, VIR_LOG_ERROR));
    g_assert_true(VIR_LOG_ENABLED(&qemu, VIR_LOG_DEBUG));
    g_assert_false(VIR_LOG_ENABLED(&other, VIR_LOG_INFO));

    /* Cached until the configuration changes. */
    g_assert_cmpuint(qemu.serial, ==, virLogConfigSerial);
    g_assert_cmpint(virLogSetDefaultPriority(VIR_LOG_DEBUG), ==, 0);
    g_assert_cmpuint(other.serial, !=, virLogConfigSerial);
    g_assert_true(VIR_LOG_ENABLED(&other, VIR_LOG_DEBUG));
    g_assert_false(VIR_LOG_ENABLED(&event, VIR_LOG_WARN));

    /* The first matching filter wins; matches are substrings. */
    g_assert_cmpint(virLogSetFilters("1:util.file 4:util"), ==, 0);
    g_assert_true(VIR_LOG_ENABLED(&other, VIR_LOG_DEBUG));
    g_assert_false(VIR_LOG_ENABLED(&event, VIR_LOG_WARN));
    g_assert_cmpint(virLogSetFilters("2:file"), ==, 0);
    g_assert_false(VIR_LOG_ENABLED(&other, VIR_LOG_DEBUG));
    g_assert_true(VIR_LOG_ENABLED(&other, VIR_LOG_INFO));

    virLogReset();
    g_assert_false(VIR_LOG_ENABLED(&qemu, VIR_LOG_DEBUG));
}

static void
testParseErrors(void)
{
    virLogReset();
    virResetLastError();

    g_assert_cmpint(virLogSetFilters("9:foo"), ==, -1);
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_INVALID_ARG);
    g_assert_cmpstr(
        virGetLastErrorMessage(), ==,
        "invalid argument: Invalid priority '9' for filter '9:foo'");
    g_assert_cmpint(virLogSetFilters("foo"), ==, -1);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "invalid argument: Malformed format for filter 'foo'");
    g_assert_cmpint(virLogSetFilters("1:+"), ==, -1);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "invalid argument: Invalid match string '+'");

    g_assert_cmpint(virLogSetOutputs("1:nowhere"), ==, -1);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "invalid argument: Invalid log destination 'nowhere' for "
                    "log output '1:nowhere'");
    g_assert_cmpint(virLogSetOutputs("x:stderr"), ==, -1);
    g_assert_cmpstr(
        virGetLastErrorMessage(), ==,
        "invalid argument: Invalid log priority 'x' for log output 'x:stderr'");
    g_assert_cmpint(virLogSetOutputs("1:file"), ==, -1);
    g_assert_cmpstr(virGetLastErrorMessage(), ==,
                    "invalid argument: Log output '1:file' does not meet the "
                    "format requirements for destination type 'file'");
    g_assert_cmpint(virLogSetOutputs("stderr"), ==, -1);
    g_assert_cmpstr(
        virGetLastErrorMessage(), ==,
        "invalid argument: Malformed format for log output 'stderr'");
    g_assert_cmpint(virLogSetOutputs("1:file:/nonexistent-dir/x.log"), ==, -1);
    g_assert_cmpint(virGetLastErrorCode(), ==, VIR_ERR_SYSTEM_ERROR);
    g_assert_cmpint(virLogGetNbOutputs(), ==, 0);

    g_assert_cmpint(virLogSetDefaultPriority(0), ==, -1);
    g_assert_cmpint(virLogSetDefaultPriority(5), ==, -1);

    g_assert_cmpint(virLogParseDefaultPriority("1"), ==, VIR_LOG_DEBUG);
    g_assert_cmpint(virLogParseDefaultPriority("info"), ==, VIR_LOG_INFO);
    g_assert_cmpint(virLogParseDefaultPriority("3"), ==, VIR_LOG_WARN);
    g_assert_cmpint(virLogParseDefaultPriority("warning"), ==, VIR_LOG_WARN);
    g_assert_cmpint(virLogParseDefaultPriority("error"), ==, VIR_LOG_ERROR);
    g_assert_cmpint(virLogParseDefaultPriority("loud"), ==, -1);
    virResetLastError();
}

static char **
testReadLines(const char *path)
{
    g_autofree char *content = NULL;

    g_assert_true(g_file_get_contents(path, &content, NULL, NULL));
    g_assert_true(g_str_has_suffix(content, "\n"));
    content[strlen(content) - 1] = '\0';
    return g_strsplit(content, "\n", 0);
}

static void
testFileOutput(void)
{
    g_autofree char *path = testTempPath();
    g_autofree char *outputs = g_strdup_printf("1:file:%s", path);
    g_autofree char *debugline = NULL;
    g_autofree char *errline = NULL;
    g_auto(GStrv) lines = NULL;
    int errline_nr;
    int debug_nr;

    virLogReset();
    g_setenv("LIBVIRT_DEBUG", "debug", TRUE);
    g_setenv("LIBVIRT_LOG_FILTERS", "4:util.other", TRUE);
    g_setenv("LIBVIRT_LOG_OUTPUTS", outputs, TRUE);
    virLogSetFromEnv();
    g_assert_cmpint(virLogGetDefaultPriority(), ==, VIR_LOG_DEBUG);
    g_assert_cmpint(virLogGetNbOutputs(), ==, 1);

    debug_nr = __LINE__ + 1;
    VIR_DEBUG("hello %d", 42);
    /* Applying the same environment again changes nothing. */
    virLogSetFromEnv();
    VIR_INFO("second");
    /* Raised errors are logged once outputs are configured. */
    errline_nr = __LINE__ + 1;
    virReportError(VIR_ERR_INVALID_ARG, "logged");
    virResetLastError();

    lines = testReadLines(path);
    g_assert_cmpuint(g_strv_length(lines), ==, 5);
    g_assert_true(g_regex_match_simple(
        LINE_RE "info : libvirt version: 9\\.0\\.0$", lines[0], 0, 0));
    g_assert_true(
        g_regex_match_simple(LINE_RE "info : hostname: ", lines[1], 0, 0));
    debugline = g_strdup_printf(LINE_RE "debug : testFileOutput:%d : hello 42$",
                                debug_nr);
    g_assert_true(g_regex_match_simple(debugline, lines[2], 0, 0));
    g_assert_true(g_regex_match_simple(
        LINE_RE "info : testFileOutput:[0-9]+ : second$", lines[3], 0, 0));
    errline = g_strdup_printf(
        LINE_RE "error : testFileOutput:%d : invalid argument: logged$",
        errline_nr);
    g_assert_true(g_regex_match_simple(errline, lines[4], 0, 0));

    /* The thread id is ours. */
    {
        g_autofree char *tid =
            g_strdup_printf(": %ld: ", (long)syscall(SYS_gettid));

        g_assert_nonnull(strstr(lines[2], tid));
    }

    g_unsetenv("LIBVIRT_DEBUG");
    g_unsetenv("LIBVIRT_LOG_FILTERS");
    g_unsetenv("LIBVIRT_LOG_OUTPUTS");
    virLogReset();
    testRemovePath(path);
}

static void
testOutputPriority(void)
{
    g_autofree char *path = testTempPath();
    g_autofree char *outputs =
        g_strdup_printf("3:file:%s 1:file:%s", path, path);
    g_autofree char *content = NULL;

    /* The duplicate's last occurrence wins: debug level here. */
    virLogReset();
    virLogSetDefaultPriority(VIR_LOG_DEBUG);
    g_assert_cmpint(virLogSetOutputs(outputs), ==, 0);
    g_assert_cmpint(virLogGetNbOutputs(), ==, 1);
    VIR_DEBUG("kept");
    g_free(outputs);

    outputs = g_strdup_printf("3:file:%s", path);
    g_assert_cmpint(virLogSetOutputs(outputs), ==, 0);
    VIR_DEBUG("dropped");
    VIR_WARN("warned");
    virLogReset();

    g_assert_true(g_file_get_contents(path, &content, NULL, NULL));
    g_assert_nonnull(strstr(content, " : kept\n"));
    g_assert_null(strstr(content, "dropped"));
    g_assert_nonnull(strstr(content, "warning : testOutputPriority:"));
    testRemovePath(path);
}

static void
testStderrDefault(void)
{
    if (g_test_subprocess()) {
        virLogReset();
        VIR_DEBUG("not shown");
        VIR_WARN("shown %s", "here");
        /* Without outputs, raised errors are left to the error handler. */
        virReportError(VIR_ERR_INTERNAL_ERROR, "quiet");
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr(
        "*: info : libvirt version: 9.0.0\n"
        "*: info : hostname: *\n"
        "*: warning : testStderrDefault:* : shown here\n");
    g_test_trap_assert_stderr_unmatched("*not shown*");
    g_test_trap_assert_stderr_unmatched("*quiet*");
}

static void
testJournaldFallback(void)
{
    if (g_test_subprocess()) {
        virLogReset();
        g_assert_cmpint(virLogSetOutputs("1:journald 4:syslog:vireo-test"), ==,
                        0);
        g_assert_cmpint(virLogGetNbOutputs(), ==, 2);
        VIR_WARN("to the journal");
        virLogReset();
        return;
    }
    if (g_file_test("/run/systemd/journal/socket", G_FILE_TEST_EXISTS)) {
        g_test_skip("a journal is running here");
        return;
    }
    g_test_trap_subprocess(NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
    g_test_trap_assert_passed();
    g_test_trap_assert_stderr(
        "*: warning : testJournaldFallback:* : to the journal\n");
}

static gpointer
testLogThread(gpointer data)
{
    int i;

    for (i = 0; i < 2000; i++)
        VIR_DEBUG("thread %d", i);
    return NULL;
}

static void
testThreads(void)
{
    g_autofree char *path = testTempPath();
    g_autofree char *outputs = g_strdup_printf("1:file:%s", path);
    g_auto(GStrv) lines = NULL;
    GThread *a;
    GThread *b;
    int i;

    virLogReset();
    g_assert_cmpint(virLogSetOutputs(outputs), ==, 0);
    a = g_thread_new("log-a", testLogThread, NULL);
    b = g_thread_new("log-b", testLogThread, NULL);
    /* Reconfiguring while others log must be safe. */
    for (i = 0; i < 200; i++)
        virLogSetFilters(i % 2 ? "1:tests" : "4:tests");
    g_thread_join(a);
    g_thread_join(b);
    virLogSetFilters("1:tests");
    VIR_DEBUG("done");
    virLogReset();

    lines = testReadLines(path);
    for (i = 0; lines[i]; i++)
        g_assert_true(g_regex_match_simple(LINE_RE, lines[i], 0, 0));
    g_assert_nonnull(strstr(lines[i - 1], " : done"));
    testRemovePath(path);
}

int
main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_unsetenv("LIBVIRT_DEBUG");
    g_unsetenv("LIBVIRT_LOG_FILTERS");
    g_unsetenv("LIBVIRT_LOG_OUTPUTS");

    g_test_add_func("/virlog/filters", testFilters);
    g_test_add_func("/virlog/parse-errors", testParseErrors);
    g_test_add_func("/virlog/file-output", testFileOutput);
    g_test_add_func("/virlog/output-priority", testOutputPriority);
    g_test_add_func("/virlog/stderr-default", testStderrDefault);
    g_test_add_func("/virlog/journald-fallback", testJournaldFallback);
    g_test_add_func("/virlog/threads", testThreads);
    return g_test_run();
}
