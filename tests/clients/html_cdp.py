#!/usr/bin/python3
"""Loads HTML files in one headless Chromium (DevTools protocol over a pipe, no extra
packages), and for each: waits for the load, records console messages, log entries,
exceptions and network requests that are not the file itself or data: URLs, prints the page
to PDF (<file>.print.pdf) and, with --screenshot, saves <file>.png; with --images, writes
<file>.images.json: each <img>'s class, alt, natural size, whether it decoded, its box (CSS px)
and computed border-radius, and the header's box.
Prints one line per problem; exits 1 if there was any. Used by html_chromium.sh."""
import base64, json, os, subprocess, sys, time

args = [a for a in sys.argv[1:] if not a.startswith("--")]
shots = "--screenshot" in sys.argv
images = "--images" in sys.argv
IMAGES_JS = """JSON.stringify({header: document.querySelector('body > header').getBoundingClientRect().toJSON(),
  images: [...document.images].map(i => ({cls: i.className, alt: i.alt, complete: i.complete,
    natural: [i.naturalWidth, i.naturalHeight], box: i.getBoundingClientRect().toJSON(),
    radius: getComputedStyle(i).borderTopLeftRadius, fit: getComputedStyle(i).objectFit}))})"""
r_in, w_in = os.pipe()    # we write commands here; Chromium reads fd 3
r_out, w_out = os.pipe()  # Chromium writes fd 4; we read here
def child_fds():
    os.dup2(r_in, 3)
    os.dup2(w_out, 4)
proc = subprocess.Popen(
    ["chromium", "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
     "--no-first-run", "--no-default-browser-check", "--disable-extensions",
     "--disable-background-networking", "--disable-component-update", "--disable-sync",
     "--user-data-dir=" + os.path.join(os.path.dirname(os.path.abspath(args[0])), "chromium-profile"),
     "about:blank"],
    pass_fds=(3, 4), preexec_fn=child_fds, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(r_in); os.close(w_out)
out = os.fdopen(w_in, "wb", buffering=0)
inp = os.fdopen(r_out, "rb", buffering=0)
buf = b""
next_id = 0
events = []

def read_msg():
    global buf
    while b"\0" not in buf:
        chunk = inp.read(1 << 16)
        if not chunk: raise SystemExit("chromium closed the pipe")
        buf += chunk
    msg, buf = buf.split(b"\0", 1)
    return json.loads(msg)

def send(method, params=None, session=None):
    global next_id
    next_id += 1
    m = {"id": next_id, "method": method, "params": params or {}}
    if session: m["sessionId"] = session
    out.write(json.dumps(m).encode() + b"\0")
    while True:
        r = read_msg()
        if r.get("id") == next_id:
            if "error" in r: raise SystemExit(f"{method}: {r['error']}")
            return r.get("result", {})
        events.append(r)

def wait_event(method, session, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        for i, e in enumerate(events):
            if e.get("method") == method and e.get("sessionId") == session:
                del events[i]
                return e
        events.append(read_msg())
    raise SystemExit(f"timeout waiting for {method}")

problems = 0
target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
for domain in ("Page", "Runtime", "Log", "Network"):
    send(domain + ".enable", {}, session)
for path in args:
    url = "file://" + os.path.abspath(path)
    events.clear()
    send("Page.navigate", {"url": url}, session)
    wait_event("Page.loadEventFired", session)
    if images:
        r = send("Runtime.evaluate", {"expression": IMAGES_JS, "returnByValue": True}, session)
        open(path + ".images.json", "w").write(r["result"]["value"])
    pdf = send("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True}, session)
    open(path + ".print.pdf", "wb").write(base64.b64decode(pdf["data"]))
    if shots:
        png = send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                             "clip": {"x": 0, "y": 0, "width": 900, "height": 1150, "scale": 1}}, session)
        open(path + ".png", "wb").write(base64.b64decode(png["data"]))
    for e in events:
        m, p = e.get("method"), e.get("params", {})
        if m == "Runtime.consoleAPICalled":
            print(f"{path}: console.{p.get('type')}: {p.get('args')}"); problems += 1
        elif m == "Runtime.exceptionThrown":
            print(f"{path}: exception: {p.get('exceptionDetails', {}).get('text')}"); problems += 1
        elif m == "Log.entryAdded" and p.get("entry", {}).get("level") in ("error", "warning"):
            print(f"{path}: log {p['entry']['level']}: {p['entry'].get('text')}"); problems += 1
        elif m == "Network.requestWillBeSent":
            req = p.get("request", {}).get("url", "")
            if req != url and not req.startswith("data:"):
                print(f"{path}: fetched {req}"); problems += 1
try:
    send("Browser.close")
except SystemExit:
    pass
proc.wait(timeout=30)
sys.exit(1 if problems else 0)
