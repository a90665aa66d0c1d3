#include "sha256.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

namespace fengong {
namespace {

struct DigestCase {
  std::string input;
  std::string digest;
};

TEST_CASE("Sha256Hex: FIPS 180-4 examples") {
  const DigestCase kCases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
      {std::string(1000000, 'a'),
       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
  };
  for (const DigestCase& row : kCases) {
    CAPTURE(row.input.size());
    CHECK(Sha256Hex(row.input) == row.digest);
    CHECK(Sha256HexPortableForTesting(row.input) == row.digest);
  }
}

// Every length around the block and padding boundaries, random bytes: the processor's SHA
// instructions (when present) and the portable code agree.
TEST_CASE("Sha256Hex: the fast and portable block functions agree") {
  std::mt19937 random(7);
  for (size_t size = 0; size < 300; ++size) {
    std::string bytes(size, '\0');
    for (char& c : bytes) c = static_cast<char>(random());
    CAPTURE(size);
    CHECK(Sha256Hex(bytes) == Sha256HexPortableForTesting(bytes));
  }
}

}  // namespace
}  // namespace fengong
