/*
 * libvirt-lxc.c: the hand-written entry points of libvirt-lxc, the
 * LXC-specific companion library.
 *
 * Besides opening a container's namespaces (generated), the library lets
 * the calling process move itself into a container: join its namespaces
 * with setns(2), take on its security label, and join its cgroups.  These
 * act on the caller itself, not through a driver, and use the kernel's
 * /proc and /sys interfaces directly rather than the SELinux, AppArmor or
 * cgroup libraries.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <sys/types.h>
#include <unistd.h>

#include "internal.h"
#include "datatypes.h"
#include "libvirt/libvirt-lxc.h"

#define VIR_FROM_THIS VIR_FROM_NONE

VIR_LOG_INIT("libvirt-lxc");

/* The namespaces a process is saved and restored by, in upstream's order. */
static const char *const virLxcNamespaceNames[] = {
    "user", "ipc", "uts", "net", "pid", "mnt",
};

/* Opens the caller's own namespaces; those the kernel lacks are skipped. */
static void
virLxcGetOwnNamespaces(unsigned int *nfds, int **fds)
{
    size_t i;

    *nfds = 0;
    *fds = g_new0(int, G_N_ELEMENTS(virLxcNamespaceNames));
    for (i = 0; i < G_N_ELEMENTS(virLxcNamespaceNames); i++) {
        g_autofree char *path = g_strdup_printf("/proc/%lld/ns/%s",
                                                (long long)getpid(),
                                                virLxcNamespaceNames[i]);
        int fd = open(path, O_RDONLY | O_CLOEXEC);

        if (fd >= 0)
            (*fds)[(*nfds)++] = fd;
    }
    if (*nfds == 0)
        g_clear_pointer(fds, g_free);
}

static int
virLxcSetNamespaces(unsigned int nfds, const int *fds)
{
    size_t i;

    if (nfds == 0) {
        virReportInvalidArg(nfds, "%s", "Expected at least one file descriptor");
        return -1;
    }
    for (i = 0; i < nfds; i++) {
        if (fds[i] < 0)
            continue;
        /* nstype 0 accepts any namespace; EINVAL then only means we are
         * already in it, which is fine. */
        if (setns(fds[i], 0) < 0 && errno != EINVAL) {
            virReportSystemError(errno, "%s", "Unable to join domain namespace");
            return -1;
        }
    }
    return 0;
}

int
virDomainLxcEnterNamespace(virDomainPtr domain, unsigned int nfdlist,
                           int *fdlist, unsigned int *noldfdlist,
                           int **oldfdlist, unsigned int flags)
{
    /* Upstream does not check the domain; it only names the connection
     * errors are dispatched to. */
    virConnectPtr conn = VIR_DOMAIN_VALID(domain) ? domain->conn : NULL;

    VIR_DEBUG("domain=%p, nfdlist=%u, fdlist=%p, noldfdlist=%p, "
              "oldfdlist=%p, flags=0x%x", (void *)domain, nfdlist,
              (void *)fdlist, (void *)noldfdlist, (void *)oldfdlist, flags);

    virResetLastError();

    virCheckFlagsGoto(0, error);

    if (noldfdlist && oldfdlist)
        virLxcGetOwnNamespaces(noldfdlist, oldfdlist);

    if (virLxcSetNamespaces(nfdlist, fdlist) < 0) {
        if (noldfdlist && oldfdlist) {
            size_t i;

            for (i = 0; i < *noldfdlist; i++)
                close((*oldfdlist)[i]);
            g_clear_pointer(oldfdlist, g_free);
            *noldfdlist = 0;
        }
        goto error;
    }

    return 0;

 error:
    virDispatchError(conn);
    return -1;
}

/* Reads a whole /proc or /sys file; NULL with errno set on failure. */
static char *
virLxcReadFile(const char *path)
{
    g_autoptr(GString) buf = g_string_new(NULL);
    char chunk[4096];
    int fd = open(path, O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        return NULL;
    for (;;) {
        ssize_t got = read(fd, chunk, sizeof(chunk));

        if (got < 0) {
            int saved = errno;

            if (saved == EINTR)
                continue;
            close(fd);
            errno = saved;
            return NULL;
        }
        if (got == 0)
            break;
        g_string_append_len(buf, chunk, got);
    }
    close(fd);
    return g_string_free(g_steal_pointer(&buf), FALSE);
}

/* A small attribute, without its trailing newline. */
static char *
virLxcReadAttr(const char *path)
{
    char *value = virLxcReadFile(path);

    if (value)
        g_strchomp(value);
    return value;
}

/* Writes one command to a /proc attribute in a single write(2), as the
 * kernel's LSM interfaces require. */
static int
virLxcWriteAttr(const char *path, const char *value)
{
    size_t len = strlen(value);
    ssize_t done;
    int fd = open(path, O_WRONLY | O_CLOEXEC);

    if (fd < 0)
        return -1;
    done = write(fd, value, len);
    if (done < 0 || (size_t)done != len) {
        int saved = done < 0 ? errno : EIO;

        close(fd);
        errno = saved;
        return -1;
    }
    return close(fd);
}

/* The per-LSM attribute directory if the kernel has one (Linux 5.1+ with
 * stacking), else the shared one. */
static char *
virLxcAttrPath(const char *lsm, const char *attr)
{
    g_autofree char *dir = g_strdup_printf("/proc/thread-self/attr/%s", lsm);

    if (g_file_test(dir, G_FILE_TEST_IS_DIR))
        return g_strdup_printf("%s/%s", dir, attr);
    return g_strdup_printf("/proc/thread-self/attr/%s", attr);
}

static int
virLxcEnterSELinux(virSecurityLabelPtr label, virSecurityLabelPtr oldlabel)
{
    g_autofree char *execpath = NULL;

    if (!g_file_test("/sys/fs/selinux/enforce", G_FILE_TEST_EXISTS)) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "%s",
                       "Support for SELinux is not enabled");
        return -1;
    }

    if (oldlabel) {
        g_autofree char *curpath = virLxcAttrPath("selinux", "current");
        g_autofree char *ctx = NULL;
        g_autofree char *enforce = NULL;

        if (!(ctx = virLxcReadAttr(curpath))) {
            virReportSystemError(errno, "unable to get PID %lld security context",
                                 (long long)getpid());
            return -1;
        }
        if (g_strlcpy(oldlabel->label, ctx, VIR_SECURITY_LABEL_BUFLEN) >=
            VIR_SECURITY_LABEL_BUFLEN) {
            virReportError(VIR_ERR_INTERNAL_ERROR,
                           "security label exceeds maximum length: %d",
                           VIR_SECURITY_LABEL_BUFLEN - 1);
            return -1;
        }
        if (!(enforce = virLxcReadAttr("/sys/fs/selinux/enforce"))) {
            virReportSystemError(errno, "%s",
                                 "error calling security_getenforce()");
            return -1;
        }
        oldlabel->enforcing = STREQ(enforce, "1") ? 1 : 0;
    }

    /* The context applies to the next execve(), as setexeccon() does. */
    execpath = virLxcAttrPath("selinux", "exec");
    if (virLxcWriteAttr(execpath, label->label) < 0) {
        virReportSystemError(errno, "Cannot set context %s", label->label);
        return -1;
    }
    return 0;
}

static int
virLxcEnterAppArmor(virSecurityLabelPtr label)
{
    g_autofree char *enabled = NULL;
    g_autofree char *path = NULL;
    g_autofree char *cmd = NULL;

    enabled = virLxcReadAttr("/sys/module/apparmor/parameters/enabled");
    if (!enabled || !STREQ(enabled, "Y")) {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED, "%s",
                       "Support for AppArmor is not enabled");
        return -1;
    }

    /* What aa_change_profile() sends: an immediate profile change. */
    path = virLxcAttrPath("apparmor", "current");
    cmd = g_strdup_printf("changeprofile %s", label->label);
    if (virLxcWriteAttr(path, cmd) < 0) {
        virReportSystemError(errno, "error changing profile to %s",
                             label->label);
        return -1;
    }
    return 0;
}

int
virDomainLxcEnterSecurityLabel(virSecurityModelPtr model,
                               virSecurityLabelPtr label,
                               virSecurityLabelPtr oldlabel,
                               unsigned int flags)
{
    VIR_DEBUG("model=%p, label=%p, oldlabel=%p, flags=0x%x", (void *)model,
              (void *)label, (void *)oldlabel, flags);

    virResetLastError();

    virCheckFlagsGoto(0, error);

    virCheckNonNullArgGoto(model, error);
    virCheckNonNullArgGoto(label, error);

    if (oldlabel)
        memset(oldlabel, 0, sizeof(*oldlabel));

    if (STREQ(model->model, "selinux")) {
        if (virLxcEnterSELinux(label, oldlabel) < 0)
            goto error;
    } else if (STREQ(model->model, "apparmor")) {
        if (virLxcEnterAppArmor(label) < 0)
            goto error;
    } else if (STREQ(model->model, "none")) {
        /* Unconfined: nothing to enter. */
    } else {
        virReportError(VIR_ERR_ARGUMENT_UNSUPPORTED,
                       "Security model %s cannot be entered", model->model);
        goto error;
    }

    return 0;

 error:
    virDispatchError(NULL);
    return -1;
}

/* Where the cgroup hierarchy holding controller (a name from
 * /proc/PID/cgroup, e.g. "cpu,cpuacct" or "name=systemd", or "" for the
 * unified one) is mounted; NULL if it is not. */
static char *
virLxcCgroupMount(const char *controllers)
{
    g_autofree char *mounts = NULL;
    g_auto(GStrv) lines = NULL;
    g_auto(GStrv) wanted = g_strsplit(controllers, ",", -1);
    size_t i;

    if (!(mounts = virLxcReadFile("/proc/self/mounts")))
        return NULL;
    lines = g_strsplit(mounts, "\n", -1);
    for (i = 0; lines[i]; i++) {
        g_auto(GStrv) fields = g_strsplit(lines[i], " ", -1);
        g_auto(GStrv) opts = NULL;

        if (g_strv_length(fields) < 4)
            continue;
        if (!*controllers) {
            if (STREQ(fields[2], "cgroup2"))
                return g_strdup(fields[1]);
            continue;
        }
        if (!STREQ(fields[2], "cgroup"))
            continue;
        opts = g_strsplit(fields[3], ",", -1);
        if (wanted[0] && g_strv_contains((const char *const *)opts, wanted[0]))
            return g_strdup(fields[1]);
    }
    return NULL;
}

/* Moves the calling process into every cgroup the process pid is in. */
static int
virLxcJoinCgroupsOf(pid_t pid)
{
    g_autofree char *path = g_strdup_printf("/proc/%lld/cgroup", (long long)pid);
    g_autofree char *data = NULL;
    g_autofree char *self = g_strdup_printf("%lld", (long long)getpid());
    g_auto(GStrv) lines = NULL;
    size_t i;

    if (!(data = virLxcReadFile(path))) {
        virReportSystemErrorFull(VIR_FROM_CGROUP, errno,
                                 __FILE__, __func__, __LINE__,
                                 "Unable to read from '%s'", path);
        return -1;
    }

    lines = g_strsplit(data, "\n", -1);
    for (i = 0; lines[i]; i++) {
        g_auto(GStrv) fields = g_strsplit(lines[i], ":", 3);
        g_autofree char *mnt = NULL;
        g_autofree char *procs = NULL;

        if (g_strv_length(fields) != 3)
            continue;
        /* Hierarchies that are not mounted here cannot be joined. */
        if (!(mnt = virLxcCgroupMount(fields[1])))
            continue;
        procs = g_build_filename(mnt, fields[2], "cgroup.procs", NULL);
        if (virLxcWriteAttr(procs, self) < 0) {
            virReportSystemErrorFull(VIR_FROM_CGROUP, errno, __FILE__, __func__,
                                     __LINE__, "Unable to write to '%s'", procs);
            return -1;
        }
    }
    return 0;
}

int
virDomainLxcEnterCGroup(virDomainPtr domain, unsigned int flags)
{
    virConnectPtr conn;

    VIR_DEBUG("domain=%p, flags=0x%x", (void *)domain, flags);

    virResetLastError();

    virCheckDomainReturn(domain, -1);
    conn = domain->conn;

    virCheckReadOnlyGoto(conn->flags, error);
    virCheckFlagsGoto(0, error);

    /* An LXC domain's ID is the PID of its init process. */
    if (virLxcJoinCgroupsOf(domain->id) < 0)
        goto error;

    return 0;

 error:
    virDispatchError(NULL);
    return -1;
}
