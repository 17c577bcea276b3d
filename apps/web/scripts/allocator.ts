/** Where Debian and Ubuntu's libjemalloc2 package installs jemalloc (x86-64). */
export const JEMALLOC_PATH = "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2";
