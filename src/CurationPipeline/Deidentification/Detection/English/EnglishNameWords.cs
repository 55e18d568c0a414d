using System.Collections.Frozen;

namespace CurationPipeline.Deidentification;

/// <summary>
/// Given names and surnames of the name lists that are also ordinary English words ("Will", "Mark", "Faith",
/// "Brown", "Judge"). Such a word alone is not taken for a name; next to another name word it still is
/// ("Will Turner"). Derived once from the lowercase entries of SCOWL (Debian package wamerican 2020.12.07,
/// copyright Kevin Atkinson and others, permissive SCOWL licence: use, copy, modify and distribute with the
/// notice kept) intersected with the Bogus name lists of <see cref="EnglishLexicon"/>.
/// </summary>
internal static class EnglishNameWords
{
    public static readonly FrozenSet<string> Ambiguous =
        Words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private const string Words = """
        abbey ace agape albino aline ally amaryllis amber amir amour anal angel anise ant aquiline arcade arch
        arena arenas arias arroyo art ascension astride august aura autumn ay baby bade barman barney baron
        barrios barrows bars basil basso bay beau beck beer bell belle bender bent berg berry beryl best bilge
        bill billy bins birdie blank blaze block boas bob bobby bode bonito bonnet bonnie borer borsch bourgeois
        brad brain brand brandy bravo brink brook brooks brown bruin brunet buck bud buddy burger buss buster butt
        can carmine carol cerise chad chance chandler charity chase clay clement colleen collier colt conception
        constant cooper cornea corona corral cousin coy crews crooks crystal curt dahlia daisy dale dam dare
        daub dawn dean deb dell delta derrick desiderata destiny diamond dies dirk dock dolly don drake drew
        dusty earl earnest ebony ed eddy elide else emerald emery emir era ester eve even faith falter fanny
        fedora felicity feline feller fem fender fern ferry fine fink fisher flak flip floor flora florin ford
        forest forte foster franc frank freeman fried funk gage gal garland garnet garret garrison gay geese
        gelling gene general genesis gens gentile gill ginger glen golden grace grams grange grant green griffin
        grimes gross grosser gunner guru gust guy hale hand hank hardy harmony harms harry haven hazel heath
        heather heaven heck hector heist helm hills hold holly homer honor hope horn hunter idea innocent ion
        iris ivory ivy jack jade jarred jasmine jasper jay jazz jet jewel jimmy job john johns josh joy judge
        julienne junior just justice kale keeling ken khan kick kin king kiss kitty kluge knoll lack lacy lance
        lane laurel laws lax lea lean lee levy lie lien lily linden line lion lira little llamas lot loyal lynch
        lyric mace madrigal mads magnolia major man mare mares margarita maria marina marine mark marks marlin
        marquis marquise mart marten martial martin martini martins mas mason mats matt mattes maverick max maxim
        maxima may mecca melody merino mesa meta mete mike miles miller mills mine mink miracle misty modest moll
        moos myrtle nadir nail name naval newton nick nil nine noble noel nova novella octave olive opal oral
        ova pace pagan palomino pansy parfait pat patience patsy patty pearl peer penny peter peters phoebe pie
        pierce pink pinkie pip piper pit plank pomp pop porter poser precious prey price prince princess prosper
        prudence puck quarto queen randy ransom raven ray reed rein reis rhea rice rick riff ringer rink river
        roan robin rocky rod roger rogers romaine roman rose rosemary rover royal ruby rusty rut sack sage said
        salami sally salvo sander sandy sari savanna savannah senna serenity serge server sever shad shade shah
        sherry shields sibyl sierra silvan sim sincere sister sky smit smith sonny spank spinner splinter stark
        stein sterling stern stokes stone storm strand sue summer sunny swami swift sylvan tad talon tamer tang
        tanner tea terry tiara ties till toke tom tony tor tore toy trace tress trinity tromp troy turner unique
        urban valentine valid van vesper victor vigil villa viola violet virgin vital viva wade waldo wale walker
        wanner ward warren waters weight welch wellington west white will willow wilts winter wit witting wolf
        """;
}
