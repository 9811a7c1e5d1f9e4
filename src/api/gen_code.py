#!/usr/bin/env python3
"""Writes the code the API description drives.

Usage:
  gen_code.py API_DIR tables OUT.h          driver tables (driver-tables.h)
  gen_code.py API_DIR entry LIBRARY OUT.c   generated public entry points
  gen_code.py API_DIR syms LIBRARY OUT      linker version script
  gen_code.py API_DIR list LIBRARY OUT      "symbol version" lines, for tests

Every function without "@manual" gets its entry point here: reset the
thread's error, check the object argument, run the annotated checks in
order, call the driver slot (or report VIR_ERR_NO_SUPPORT), and dispatch
the error on failure.
"""

import os
import re
import sys

import apidesc

# Scalar argument type -> printf format (pointers print as %p).
FORMATS = {
    'int': '%d', 'unsigned int': '%u', 'long': '%ld', 'unsigned long': '%lu',
    'long long': '%lld', 'unsigned long long': '%llu', 'double': '%g',
    'size_t': '%zu', 'ssize_t': '%zd', 'char': '%d', 'unsigned char': '%u',
    'long long int': '%lld', 'unsigned long long int': '%llu',
}

CHECKS = {
    'nonnull': 'virCheckNonNullArgGoto(%s, error);',
    'null': 'virCheckNullArgGoto(%s, error);',
    'nonempty': 'virCheckNonEmptyStringArgGoto(%s, error);',
    'positive': 'virCheckPositiveArgGoto(%s, error);',
    'nonzero': 'virCheckNonZeroArgGoto(%s, error);',
    'zero': 'virCheckZeroArgGoto(%s, error);',
    'nonneg': 'virCheckNonNegativeArgGoto(%s, error);',
}


def write(path, text):
    if os.path.exists(path) and open(path).read() == text:
        return
    with open(path + '.tmp', 'w') as f:
        f.write(text)
    os.replace(path + '.tmp', path)


def is_pointer(ctype):
    return ctype.endswith('*') or ctype.endswith('Ptr') or \
        ctype.endswith('Func') or ctype.endswith('Callback')


def debug_line(fn):
    fmts, vals = [], []
    for t, n in fn.args:
        if n == 'flags' and t == 'unsigned int':
            fmts.append('flags=0x%x')
            vals.append('flags')
        elif t in ('const char *', 'char *') and n not in ('buffer', 'data', 'buf'):
            fmts.append('%s=%%s' % n)
            vals.append('NULLSTR(%s)' % n)
        elif is_pointer(t):
            fmts.append('%s=%%p' % n)
            vals.append('(void *)%s' % n)
        elif t in FORMATS:
            fmts.append('%s=%s' % (n, FORMATS[t]))
            vals.append(n)
        else:
            fmts.append('%s=%%lld' % n)
            vals.append('(long long)%s' % n)
    if not fmts:
        return '    VIR_DEBUG("%s");' % fn.name
    return '    VIR_DEBUG("%s", %s);' % (', '.join(fmts), ', '.join(vals))


def error_value(fn):
    if fn.ret.endswith('*') or fn.ret.endswith('Ptr'):
        return 'NULL'
    failon = fn.first('failon')
    if failon:
        return failon[0]
    return '-1'


def failed_test(fn):
    if fn.ret.endswith('*') or fn.ret.endswith('Ptr'):
        return '!ret'
    failon = fn.first('failon')
    if failon:
        return 'ret == %s' % failon[0]
    return 'ret < 0'


def object_of(fn, argname):
    for t, n in fn.args:
        if n == argname:
            return apidesc.OBJECTS[t]
    raise SyntaxError('%s: no argument %s' % (fn.name, argname))


def gen_kind(fn):
    """Accessors every object type has, written once here."""
    obj_t, obj = fn.args[0]
    kind = apidesc.OBJECTS.get(obj_t)
    k = fn.kind
    out = ['%s' % fn.ret, '%s(%s)' % (fn.name, ', '.join(apidesc.join_decl(t, n) for t, n in fn.args)), '{']
    out.append(debug_line(fn))
    out.append('    virResetLastError();')
    if k == 'lookupuuidstring':
        target = fn.name[:-len('String')]
        out += ['    unsigned char uuid[VIR_UUID_BUFLEN];',
                '    virCheckConnectReturn(conn, NULL);',
                '    virCheckNonNullArgGoto(uuidstr, error);',
                '    if (virUUIDParse(uuidstr, uuid) < 0) {',
                '        virReportInvalidArg(uuidstr, "uuidstr in %s must be a valid UUID", __func__);',
                '        goto error;',
                '    }',
                '    return %s(conn, uuid);' % target,
                ' error:', '    virDispatchError(conn);', '    return NULL;', '}']
        return out
    errv = error_value(fn)
    out.append('    virCheck%sReturn(%s, %s);' % (kind, obj, errv))
    conn = 'VIR_OBJECT_CONN_%s(%s)' % (kind, obj)
    if k == 'ref':
        out += ['    virObjectRef(%s);' % obj, '    return 0;', '}']
    elif k == 'free':
        out += ['    virObjectUnref(%s);' % obj, '    return 0;', '}']
    elif k == 'name':
        out += ['    return %s->name;' % obj, '}']
    elif k == 'connect':
        out += ['    return %s;' % conn, '}']
    elif k in ('uuid', 'uuidstring'):
        buf = fn.args[1][1]
        out.append('    virCheckNonNullArgGoto(%s, error);' % buf)
        if k == 'uuid':
            out.append('    memcpy(%s, %s->uuid, VIR_UUID_BUFLEN);' % (buf, obj))
        else:
            out.append('    virUUIDFormat(%s->uuid, %s);' % (obj, buf))
        out += ['    return 0;', ' error:', '    virDispatchError(%s);' % conn,
                '    return -1;', '}']
    else:
        raise SyntaxError('%s: unknown @kind %s' % (fn.name, k))
    return out


def gen_entry(fn):
    if fn.kind:
        return gen_kind(fn)
    obj_t, obj = fn.args[0]
    kind = apidesc.OBJECTS.get(obj_t)
    if not kind:
        raise SyntaxError('%s: first argument is not an object; mark it @manual' % fn.name)
    errv = error_value(fn)
    out = ['%s' % fn.ret, '%s(%s)' % (fn.name, ', '.join(apidesc.join_decl(t, n) for t, n in fn.args)), '{']
    if obj != 'conn':
        out.append('    virConnectPtr conn;')
    out.append(debug_line(fn))
    out.append('    virResetLastError();')
    # Output buffers are cleared before anything can fail, as upstream does.
    for k, w in fn.ann:
        if k == 'clear':
            out.append('    if (%s)' % w[0])
            out.append('        memset(%s, 0, sizeof(*%s));' % (w[0], w[0]))
        elif k == 'clearptr':
            out.append('    if (%s)' % w[0])
            out.append('        *%s = NULL;' % w[0])
    out.append('    virCheck%sReturn(%s, %s);' % (kind, obj, errv))
    if obj != 'conn':
        out.append('    conn = VIR_OBJECT_CONN_%s(%s);' % (kind, obj))
    for k, w in fn.ann:
        if k in CHECKS:
            stmt = CHECKS[k] % w[0]
            if len(w) > 1 and w[1] == 'if':
                out.append('    if (%s)' % ' '.join(w[2:]))
                out.append('        ' + stmt)
            else:
                out.append('    ' + stmt)
        elif k == 'nonnullarray':
            out.append('    virCheckNonNullArrayArgGoto(%s, %s, error);' % (w[0], w[1]))
        elif k == 'object':
            out.append('    virCheck%sGoto(%s, error);' % (object_of(fn, w[0]), w[0]))
        elif k == 'readonly':
            out.append('    virCheckReadOnlyGoto(conn->flags, error);')
        elif k == 'exclusive':
            out.append('    VIR_EXCLUSIVE_FLAGS_GOTO(%s, %s, error);' % (w[0], w[1]))
        elif k == 'requires':
            out.append('    VIR_REQUIRE_FLAG_GOTO(%s, %s, error);' % (w[0], w[1]))
        elif k == 'validateset':
            out.append('    if (virTypedParamsValidateSet(conn, %s, %s) < 0)' % (w[0], w[1]))
            out.append('        goto error;')
        elif k == 'stringokay':
            out.append('    flags |= VIR_TYPED_PARAM_STRING_OKAY;')
        elif k == 'denysecure':
            out.append('    if ((conn->flags & VIR_CONNECT_RO) && (flags & (%s))) {' % w[0].replace('|', ' | '))
            out.append('        virReportError(VIR_ERR_OPERATION_DENIED, "%%s", %s);' % w[1])
            out.append('        goto error;')
            out.append('    }')
        elif k in ('since', 'table', 'driver', 'failon', 'clear', 'clearptr'):
            pass
        else:
            raise SyntaxError('%s: unknown annotation @%s' % (fn.name, k))
    struct, member = apidesc.TABLES[fn.table]
    table = '%s->driver' % obj if fn.table == 'stream' else 'conn->%s' % member
    args = ', '.join(n for _, n in fn.args)
    out.append('    if (!%s || !%s->%s) {' % (table, table, fn.slot))
    out.append('        virReportUnsupportedError();')
    out.append('        goto error;')
    out.append('    }')
    out.append('    {')
    out.append('        %sret = %s->%s(%s);' % (apidesc.join_type(fn.ret), table, fn.slot, args))
    out.append('        if (%s)' % failed_test(fn))
    out.append('            goto error;')
    out.append('        return ret;')
    out.append('    }')
    out.append(' error:')
    out.append('    virDispatchError(conn);')
    out.append('    return %s;' % errv)
    out.append('}')
    return out


def gen_entry_file(headers, library):
    out = ['/* Generated from the src/api descriptions by src/api/gen_code.py: the public',
           ' * entry points whose behaviour the description fully states. */',
           '#include "internal.h"', '#include "datatypes.h"', '#include "driver.h"',
           '#include "util/viruuid.h"', '#include "util/virtypedparam.h"', '',
           'VIR_LOG_INIT("libvirt.api");', '']
    for h in headers.values():
        fns = [f for f in h.functions if f.library == library and not f.manual]
        if not fns:
            continue
        out += ['/* ---- %s ---- */' % h.name, '#undef VIR_FROM_THIS',
                '#define VIR_FROM_THIS %s' % fns[0].errdomain, '']
        for f in fns:
            out += gen_entry(f)
            out.append('')
    return '\n'.join(out)


def read_internal_slots(path):
    """driver-slots.txt: slots no public function maps onto one to one."""
    slots = {}
    table = None
    for lineno, line in enumerate(open(path), 1):
        line = line.strip()
        if not line or line.startswith('#'):
            continue
        if line.startswith('@table'):
            table = line.split()[1]
            continue
        m = apidesc.PROTO_RE.match(line)
        if not m or not table:
            raise SyntaxError('%s:%d: cannot read slot' % (path, lineno))
        slots.setdefault(table, []).append(
            (m.group('ret').strip(), m.group('name'),
             apidesc.parse_args(m.group('args'), '%s:%d' % (path, lineno))))
    return slots


def gen_tables(headers, apidir):
    internal = read_internal_slots(os.path.join(apidir, 'driver-slots.txt'))
    out = ['/* Generated by src/api/gen_code.py: one struct per driver table.',
           ' * A slot per public function that calls a driver (same name minus',
           ' * "vir", same signature), plus the internal slots of',
           ' * src/api/driver-slots.txt.  A NULL slot means "not supported". */',
           '#pragma once', '', '#include "internal.h"',
           '#include "libvirt/libvirt-qemu.h"', '#include "libvirt/libvirt-lxc.h"', '',
           'typedef enum {', '    VIR_DRV_OPEN_SUCCESS = 0,',
           '    VIR_DRV_OPEN_DECLINED = -1,', '    VIR_DRV_OPEN_ERROR = -2,',
           '} virDrvOpenStatus;', '']
    for tname, (struct, _) in apidesc.TABLES.items():
        out.append('struct _%s {' % struct)
        out.append('    const char *name;')
        seen = set()
        for ret, name, args in internal.get(tname, []):
            a = ', '.join(apidesc.join_decl(t, n) for t, n in args) or 'void'
            out.append('    %s(*%s)(%s);' % (apidesc.join_type(ret), name, a))
            seen.add(name)
        for h in headers.values():
            for f in h.functions:
                if f.library == 'libvirt-admin' or not f.uses_slot or f.table != tname:
                    continue
                if f.slot in seen:
                    continue
                seen.add(f.slot)
                out.append('    ' + f.prototype(ptrname=f.slot) + ';')
        out.append('};')
        out.append('')
    return '\n'.join(out)


def exported(headers, library):
    syms = []
    for h in headers.values():
        syms += [(f.name, f.version_node) for f in h.functions if f.library == library]
        syms += [(v.name, v.version_node) for v in h.variables if v.library == library]
    return syms


def gen_syms(headers, library, private=None):
    nodes = {}
    for name, node in exported(headers, library):
        nodes.setdefault(node, []).append(name)
    out = ['# Generated by src/api/gen_code.py: each symbol at the version node',
           '# where upstream introduced it, nothing else exported.']
    prev = None
    for node in sorted(nodes, key=apidesc.version_key):
        out.append('%s {' % node)
        out.append('    global:')
        out += ['        %s;' % s for s in sorted(nodes[node])]
        if prev is None:
            out.append('    local:')
            out.append('        *;')
        out.append('}%s;' % (' ' + prev if prev else ''))
        out.append('')
        prev = node
    if private:
        # Internals the sibling libraries (libvirt-qemu, libvirt-lxc) call,
        # in a private node as upstream has; see libvirt_private.syms.
        out.append(open(private).read())
    return '\n'.join(out)


def main():
    apidir, what = sys.argv[1:3]
    headers = apidesc.load(apidir)
    if what == 'tables':
        write(sys.argv[3], gen_tables(headers, apidir))
    elif what == 'entry':
        write(sys.argv[4], gen_entry_file(headers, sys.argv[3]))
    elif what == 'syms':
        write(sys.argv[4], gen_syms(headers, sys.argv[3],
                                    sys.argv[5] if len(sys.argv) > 5 else None))
    elif what == 'list':
        write(sys.argv[4], ''.join('%s %s\n' % s for s in sorted(exported(headers, sys.argv[3]))))
    else:
        sys.exit('unknown output %r' % what)


if __name__ == '__main__':
    main()
