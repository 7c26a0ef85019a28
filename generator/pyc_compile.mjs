// Byte-compile a pure-Python wheel for Pyodide's own interpreter.
// The host Python is not Pyodide's version, so the .pyc files must be made
// inside Pyodide; entries get a fixed date so the output is reproducible.
// Usage: node pyc_compile.mjs IN.whl OUT_DIR   (prints the output file name)
import { loadPyodide } from "pyodide";
import fs from "node:fs";
import path from "node:path";

const [inWheel, outDir] = process.argv.slice(2);
const py = await loadPyodide();
py.FS.writeFile("/tmp/in.whl", fs.readFileSync(inWheel));
py.globals.set("wheel_name", path.basename(inWheel));
const outName = py.runPython(`
import base64, hashlib, os, py_compile, re, sys, tempfile, zipfile

tag = f"cp{sys.version_info[0]}{sys.version_info[1]}"
parts = wheel_name[:-4].split("-")
out_name = "-".join(parts[:-3] + [tag, "none", "any"]) + ".whl"

def record_hash(data):
    return "sha256=" + base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()

def entry(name):
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info

with zipfile.ZipFile("/tmp/in.whl") as zin, zipfile.ZipFile("/tmp/" + out_name, "w") as zout, \\
        tempfile.TemporaryDirectory() as work:
    records, record_name = [], None
    for name in sorted(zin.namelist()):
        data = zin.read(name)
        if name.endswith(".dist-info/RECORD"):
            record_name = name
            continue
        if name.endswith(".dist-info/WHEEL"):
            data = re.sub(rb"Tag: .*", f"Tag: {tag}-none-any".encode(), data)
        if name.endswith(".py"):
            src = os.path.join(work, "m.py")
            with open(src, "wb") as fh:
                fh.write(data)
            py_compile.compile(src, cfile=src + "c", dfile=name, doraise=True,
                               invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
            name = name + "c"
            with open(src + "c", "rb") as fh:
                data = fh.read()
        zout.writestr(entry(name), data)
        records.append(f"{name},{record_hash(data)},{len(data)}")
    records.append(f"{record_name},,")
    zout.writestr(entry(record_name), "\\n".join(records) + "\\n")
out_name
`);
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, outName), py.FS.readFile("/tmp/" + outName));
console.log(outName);
