/*
 * device_path.h: host paths named by devices (evdev nodes, render nodes,
 * tap and vhost devices), cleaned up the way upstream stores them.
 */
#pragma once

/* A copy of path with repeated slashes collapsed and no trailing slash
 * ("//" alone at the start is kept, as POSIX allows it a meaning); URIs
 * ("scheme://...") are copied unchanged. */
char *virDevicePathSanitize(const char *path);
