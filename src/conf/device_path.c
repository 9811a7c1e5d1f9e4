/*
 * device_path.c: cleaning up host paths given in device elements.
 */
#include "internal.h"
#include "device_path.h"

char *
virDevicePathSanitize(const char *path)
{
    const char *uri = strstr(path, "://");
    const char *cur = path;
    char *clean = g_strdup(path);
    size_t len = 0;

    /* Two slashes may mean something else in a URI. */
    if (uri && strchr(path, '/') > uri)
        return clean;

    if (cur[0] == '/' && cur[1] == '/' && cur[2] != '/') {
        len = 2;
        cur += 2;
    }

    while (*cur) {
        if (*cur != '/') {
            clean[len++] = *cur++;
            continue;
        }
        while (*++cur == '/')
            ;
        if (len != 0 && *cur == '\0')
            break;
        clean[len++] = '/';
    }
    clean[len] = '\0';
    return clean;
}
