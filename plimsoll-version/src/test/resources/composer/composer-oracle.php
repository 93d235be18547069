<?php
// Reference answers from composer/semver itself (Debian's php-composer-semver), for ComposerReferenceTest.
// One question per line on stdin, fields separated by single spaces, every text field hex-encoded:
//   N <version>            VersionParser::normalize          -> "ok <hex normalized>" | "err"
//   C <a> <b>              normalize both, then version_compare and Comparator on the normalized forms
//                                                            -> "<-1|0|1> <lt> <eq> <gt>" | "err"
//   P <constraints>        (string) VersionParser::parseConstraints -> "ok <hex>" | "err"
//   S <version> <constraints>  Semver::satisfies            -> "1" | "0" | "err"
//   D <a> <b>              version_compare on the raw texts  -> "-1" | "0" | "1"
// Each answer is computed before anything of it is printed, so an exception leaves only "err".
// Warnings and notices are counted on stderr and never printed into the answers.
$autoload = getenv('COMPOSER_SEMVER_AUTOLOAD') ?: '/usr/share/php/Composer/Semver/autoload.php';
require $autoload;

use Composer\Semver\Comparator;
use Composer\Semver\Semver;
use Composer\Semver\VersionParser;

$notices = 0;
set_error_handler(function () use (&$notices) { $notices++; return true; });
$parser = new VersionParser();
$in = fopen('php://stdin', 'r');
while (($line = fgets($in)) !== false) {
    $fields = explode(' ', rtrim($line, "\n"));
    $arg = array_map('hex2bin', array_slice($fields, 1));
    try {
        switch ($fields[0]) {
            case 'N':
                $normalized = $parser->normalize($arg[0]);
                echo 'ok ', bin2hex($normalized), "\n";
                break;
            case 'C':
                $a = $parser->normalize($arg[0]);
                $b = $parser->normalize($arg[1]);
                $answer = version_compare($a, $b) . ' ' . (int) Comparator::lessThan($a, $b) . ' '
                    . (int) Comparator::equalTo($a, $b) . ' ' . (int) Comparator::greaterThan($a, $b);
                echo $answer, "\n";
                break;
            case 'P':
                $printed = (string) $parser->parseConstraints($arg[0]);
                echo 'ok ', bin2hex($printed), "\n";
                break;
            case 'S':
                $satisfied = Semver::satisfies($arg[0], $arg[1]);
                echo $satisfied ? '1' : '0', "\n";
                break;
            case 'D':
                $answer = version_compare($arg[0], $arg[1]);
                echo $answer, "\n";
                break;
            default:
                echo "bad-question\n";
        }
    } catch (\Throwable $e) {
        echo "err\n";
    }
}
fwrite(STDERR, "notices: $notices\n");
