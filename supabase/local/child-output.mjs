// The tail of what a child process of the stack prints (for the error when it fails to start),
// each chunk also passed to `log` (shown with --verbose).
export function collectOutput(child, log = () => {}, keep = 4000) {
  let output = '';
  const collect = (chunk) => {
    output = (output + chunk.toString()).slice(-keep);
    log(chunk.toString());
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return () => output;
}
