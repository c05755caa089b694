// The precompiled Catch2 header of the test binaries is built with this
// file (tests/CMakeLists.txt); it holds nothing else.
